package nl.veerkracht.common;

import java.util.Locale;

/**
 * A refusal whose message a person reads: it carries a {@link Text} in both languages, and the API
 * and pages answer in the reader's. The English-only constructor is for messages that have not been
 * moved to the bundles yet; {@code ErrorMessagesTest} keeps the packages that have from going back.
 */
public abstract class UserFacingException extends RuntimeException {

  private final Text text;

  protected UserFacingException(Text text) {
    super(text.en());
    this.text = text;
  }

  /** English only, for both languages. */
  protected UserFacingException(String message) {
    super(message);
    this.text = Text.of(message, message);
  }

  public Text text() {
    return text;
  }

  /** The message in the reader's language. */
  public String message(Locale locale) {
    return text.in(locale);
  }
}
