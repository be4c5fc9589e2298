package nl.veerkracht.common;

/** The caller sends faster than a person would; they may try again shortly (429). */
public class TooManyRequestsException extends UserFacingException {
  public TooManyRequestsException(String message) {
    super(message);
  }

  public TooManyRequestsException(Text text) {
    super(text);
  }
}
