package nl.veerkracht.stock.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Cluster types as corporations use them in VERA ({@code Cluster.soort}): one unit can be in a
 * cluster of each type. "Complex" in the UI means the type a corporation chose (default OND).
 */
public enum ClusterType {
  FIN("financieel"),
  OND("onderhoud"),
  MAR("markt"),
  STR("strategisch"),
  BEH("beheer"),
  PRJ("project");

  private final String dutch;

  ClusterType(String dutch) {
    this.dutch = dutch;
  }

  public String dutch() {
    return dutch;
  }

  /** Parses a code ({@code FIN}) or a Dutch name ({@code onderhoud}, {@code verhuur}), any case. */
  public static Optional<ClusterType> find(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.strip().toLowerCase(Locale.ROOT);
    for (ClusterType t : values()) {
      if (t.name().equalsIgnoreCase(s) || t.dutch.equals(s)) {
        return Optional.of(t);
      }
    }
    return switch (s) {
      case "verhuur", "marketing", "verhuurcluster" -> Optional.of(MAR);
      case "onderhoudscluster", "technisch" -> Optional.of(OND);
      case "financieel cluster", "waardering" -> Optional.of(FIN);
      case "strategie", "portefeuille" -> Optional.of(STR);
      default -> Optional.empty();
    };
  }
}
