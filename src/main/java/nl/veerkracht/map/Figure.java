package nl.veerkracht.map;

import nl.veerkracht.statistics.domain.Observation;

/**
 * A figure of an area.
 *
 * @param status ok, missing or secret
 * @param reason why a value is missing or secret
 */
public record Figure(
    Double value,
    String status,
    String reason,
    String source,
    String attribution,
    int year,
    nl.veerkracht.common.Text explanation) {
  static Figure of(Observation o) {
    return new Figure(
        o.value(),
        o.status().id(),
        o.reason(),
        o.source(),
        o.attribution(),
        o.year(),
        o.explanation());
  }
}
