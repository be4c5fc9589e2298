package nl.veerkracht.analysis;

import java.util.Map;

/** A peer with its name. */
public record PeerView(
    String code, String name, double distance, int sharedFeatures, Map<String, Double> features) {}
