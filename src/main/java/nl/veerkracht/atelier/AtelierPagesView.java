package nl.veerkracht.atelier;

import java.util.List;
import java.util.Map;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;

/**
 * The ateliers page: the caller's ateliers and the form to prepare one, with what was typed and why
 * it failed when it did.
 */
public record AtelierPagesView(
    List<Atelier> ateliers, List<Membership> facilitating, Map<String, String> values, Text error) {

  public String value(String field, String fallback) {
    return values.getOrDefault(field, fallback);
  }
}
