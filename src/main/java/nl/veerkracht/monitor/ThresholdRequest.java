package nl.veerkracht.monitor;

/** The body of {@code PUT /api/signal-thresholds}. */
public record ThresholdRequest(String corporation, String signalType, Double per100Units) {}
