package nl.veerkracht.profile;

import java.util.List;
import nl.veerkracht.common.Text;

/**
 * A complex profile as the page and the PDF show it: the profile and its figures as rows of text in
 * the reader's language.
 */
public record ProfileView(
    ComplexProfile profile,
    List<Text> story,
    List<Row> rows,
    String type,
    String corporation,
    boolean resident) {

  /** A figure of the complex as shown. */
  public record Row(
      String id,
      String label,
      String value,
      Integer year,
      String coverage,
      String explanation,
      String gemeente,
      String nl,
      String peers) {}
}
