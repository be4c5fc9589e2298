package nl.veerkracht.common;

/**
 * Input a user can correct, with the explanation in both languages: pages show it next to the form,
 * the API answers 400, both in the reader's language.
 */
public class InvalidInputException extends BadRequestException {

  public InvalidInputException(Text text) {
    super(text);
  }
}
