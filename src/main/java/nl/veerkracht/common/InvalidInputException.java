package nl.veerkracht.common;

/**
 * Input a user can correct, with the explanation in both languages: pages show it next to the form,
 * the API answers 400, both in the reader's language.
 */
public class InvalidInputException extends BadRequestException {

  private final String field;

  public InvalidInputException(Text text) {
    this(text, null);
  }

  /** With the name of the form field the input came from, so a page can show it next to it. */
  public InvalidInputException(Text text, String field) {
    super(text);
    this.field = field;
  }

  /** The form field at fault, or null. */
  public String field() {
    return field;
  }
}
