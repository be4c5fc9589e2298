package nl.veerkracht.analysis.domain;

import nl.veerkracht.common.Text;

/**
 * One derived figure with its explanation in Dutch and English.
 *
 * @param status {@code ok}, or {@code missing} when it could not be derived (the explanation says
 *     why)
 */
public record Result(
    String areaCode,
    int year,
    String indicatorId,
    Double value,
    String status,
    String explanationNl,
    String explanationEn) {

  public static Result ok(String area, int year, String id, double value, Text text) {
    return new Result(area, year, id, value, "ok", text.nl(), text.en());
  }

  public static Result missing(String area, int year, String id, Text text) {
    return new Result(area, year, id, null, "missing", text.nl(), text.en());
  }
}
