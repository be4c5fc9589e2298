package nl.veerkracht.common;

/** A request that cannot be served as asked (HTTP 400). The message is safe to show. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
