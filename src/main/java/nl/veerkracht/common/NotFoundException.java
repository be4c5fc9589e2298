package nl.veerkracht.common;

/** Something asked for does not exist (HTTP 404). The message is safe to show to the user. */
public class NotFoundException extends UserFacingException {
  public NotFoundException(String message) {
    super(message);
  }

  public NotFoundException(Text text) {
    super(text);
  }
}
