package nl.veerkracht.stock.domain;

/** A unit's membership of a cluster, as a file names it. */
public record ClusterRef(ClusterType type, String code, String name) {}
