package nl.veerkracht.map;

/** One point of a series. */
public record SeriesPoint(
    int year,
    Double value,
    String status,
    String reason,
    String source,
    nl.veerkracht.common.Text explanation) {}
