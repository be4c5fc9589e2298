package nl.veerkracht.agreement;

import java.util.List;
import java.util.Set;
import nl.veerkracht.common.Text;
import nl.veerkracht.measure.PlannedMeasure;
import nl.veerkracht.security.Organisations;

/**
 * The form that makes or changes an agreement: what was typed (kept when it is refused), the
 * organisations and measures to choose from by name, and why it was refused.
 *
 * @param areas the chosen areas' codes, comma separated (the picker shows their names)
 * @param complexes the chosen complexes' codes, comma separated
 */
public record AgreementForm(
    String action,
    String corporation,
    String title,
    String text,
    String gemeente,
    String startYear,
    String endYear,
    String areas,
    String complexes,
    Set<String> parties,
    Set<Long> measures,
    List<Organisations.Organisation> organisations,
    List<PlannedMeasure> choices,
    Text error) {

  /** An empty form for a new agreement. */
  static AgreementForm empty(
      String corporation,
      List<Organisations.Organisation> organisations,
      List<PlannedMeasure> choices) {
    int year = java.time.LocalDate.now().getYear();
    return new AgreementForm(
        "/afspraken",
        corporation,
        "",
        "",
        "",
        String.valueOf(year),
        String.valueOf(year + 4),
        "",
        "",
        Set.of(),
        Set.of(),
        organisations,
        choices,
        null);
  }

  /** The form filled with an agreement, to change it. */
  static AgreementForm of(
      Agreement g, List<Organisations.Organisation> organisations, List<PlannedMeasure> choices) {
    return new AgreementForm(
        "/afspraken/" + g.id(),
        g.corporationCode(),
        g.title(),
        g.body(),
        g.gemeenteCode(),
        String.valueOf(g.startYear()),
        String.valueOf(g.endYear()),
        String.join(
            ",",
            g.scopes().stream()
                .filter(s -> s.areaCode() != null)
                .map(Agreement.Scope::areaCode)
                .toList()),
        String.join(
            ",",
            g.scopes().stream()
                .filter(s -> s.complexCode() != null)
                .map(Agreement.Scope::complexCode)
                .toList()),
        Set.copyOf(g.parties().stream().map(Agreement.Party::code).toList()),
        Set.copyOf(g.measureIds()),
        organisations,
        choices,
        null);
  }
}
