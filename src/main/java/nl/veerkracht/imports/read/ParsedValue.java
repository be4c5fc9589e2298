package nl.veerkracht.imports.read;

import nl.veerkracht.statistics.domain.ObservationStatus;

/** A cell read as a figure: a number, or missing/secret with the source's reason. */
public record ParsedValue(Double value, ObservationStatus status, String reason) {

  static ParsedValue ok(double value) {
    return new ParsedValue(value, ObservationStatus.OK, null);
  }

  static ParsedValue missing(String reason) {
    return new ParsedValue(null, ObservationStatus.MISSING, reason);
  }

  static ParsedValue secret(String reason) {
    return new ParsedValue(null, ObservationStatus.SECRET, reason);
  }

  public boolean isOk() {
    return status == ObservationStatus.OK;
  }
}
