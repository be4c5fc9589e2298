package nl.veerkracht.common;

/** A request that cannot be served as asked (HTTP 400). The message is safe to show. */
public class BadRequestException extends UserFacingException {
  public BadRequestException(String message) {
    super(message);
  }

  public BadRequestException(Text text) {
    super(text);
  }
}
