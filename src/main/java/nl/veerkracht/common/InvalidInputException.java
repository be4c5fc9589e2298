package nl.veerkracht.common;

/**
 * Input a user can correct, with the explanation in both languages: pages show it in the reader's
 * language next to the form, the API answers 400 with the English text.
 */
public class InvalidInputException extends BadRequestException {

  private final Text text;

  public InvalidInputException(Text text) {
    super(text.en());
    this.text = text;
  }

  public Text text() {
    return text;
  }
}
