package nl.veerkracht.fetch;

/** A download failed; the message is for the user and says that nothing was changed. */
public class FetchException extends RuntimeException {
  public FetchException(String message) {
    super(message);
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
