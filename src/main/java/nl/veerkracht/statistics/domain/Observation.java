package nl.veerkracht.statistics.domain;

/**
 * A stored figure with where it came from.
 *
 * @param value null unless status is OK
 * @param reason why it is missing or secret, in the source's terms
 * @param source the source named at import ("CBS Kerncijfers wijken en buurten 2019")
 * @param attribution the credit to show ("Bron: CBS")
 * @param explanationNl for a derived figure, how it was derived (Dutch); null for imported ones
 * @param explanationEn the same in English
 */
public record Observation(
    String areaCode,
    int year,
    String indicatorId,
    Double value,
    ObservationStatus status,
    String reason,
    String source,
    String attribution,
    String explanationNl,
    String explanationEn) {

  public boolean derived() {
    return explanationNl != null;
  }

  /** How a derived figure was computed, in both languages; null for an imported figure. */
  public nl.veerkracht.common.Text explanation() {
    return derived() ? nl.veerkracht.common.Text.of(explanationNl, explanationEn) : null;
  }
}
