package nl.veerkracht.common;

/** The request is well formed but the current state refuses it, e.g. a spent vote budget (409). */
public class ConflictException extends UserFacingException {
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(Text text) {
    super(text);
  }
}
