package nl.veerkracht.common;

/** The request carries no credentials that this path accepts (answered 401). */
public class UnauthorizedException extends UserFacingException {
  public UnauthorizedException(String message) {
    super(message);
  }

  public UnauthorizedException(Text text) {
    super(text);
  }
}
