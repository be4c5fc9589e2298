package nl.veerkracht.analysis;

import java.util.List;
import java.util.Map;

/** A buurt's peer group. */
public record PeersView(
    String code, Map<String, Double> features, List<String> comparedOn, List<PeerView> peers) {}
