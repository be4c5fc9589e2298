package nl.veerkracht.fetch;

import nl.veerkracht.common.Text;

/**
 * A download failed; the message is for the user and says that nothing was changed. The English
 * message goes to the command line; {@link #text()} is the same in the reader's language.
 */
public class FetchException extends RuntimeException {

  private final transient Text text;

  public FetchException(String message) {
    this(message, (Text) null);
  }

  public FetchException(String message, Text text) {
    super(message);
    this.text = text;
  }

  public FetchException(String message, Throwable cause) {
    super(message, cause);
    this.text = null;
  }

  /** The message in both languages (a general one when only the English detail is known). */
  public Text text() {
    return text != null ? text : Text.msg("fetch.error.other", "detail", getMessage());
  }
}
