package nl.veerkracht.common;

/**
 * The caller is logged in but may not see or change this (HTTP 403). Used for another corporation's
 * data; the message never reveals whether the thing exists.
 */
public class ForbiddenException extends UserFacingException {
  public ForbiddenException(String message) {
    super(message);
  }

  public ForbiddenException(Text text) {
    super(text);
  }
}
