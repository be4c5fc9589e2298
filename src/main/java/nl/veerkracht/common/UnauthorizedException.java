package nl.veerkracht.common;

/** The request carries no credentials that this path accepts (answered 401). */
public class UnauthorizedException extends RuntimeException {
  public UnauthorizedException(String message) {
    super(message);
  }
}
