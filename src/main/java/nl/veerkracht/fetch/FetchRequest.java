package nl.veerkracht.fetch;

import java.util.List;
import java.util.Set;

/**
 * What to fetch.
 *
 * @param gemeenten gemeente codes (GM0308); empty for every gemeente of the Netherlands
 * @param years Kerncijfers and Wijk- en buurtkaart years
 * @param sources which of {@link Source} to fetch
 * @param lbmEdition the Leefbaarometer measurement, or null for the configured one
 * @param refresh ask the servers again even for what an earlier run fetched
 * @param actor who asked, for the import history
 */
public record FetchRequest(
    List<String> gemeenten,
    List<Integer> years,
    Set<Source> sources,
    Integer lbmEdition,
    boolean refresh,
    String actor) {

  /** What {@code --gemeente} takes for every gemeente. */
  public static final String ALL = "all";

  /** Whether every gemeente of the country is asked for. */
  public boolean allGemeenten() {
    return gemeenten.isEmpty();
  }

  /** The gemeenten as named in file names: their codes, or "alle_gemeenten". */
  public String gemeentenLabel() {
    return allGemeenten() ? "alle_gemeenten" : String.join("_", gemeenten);
  }

  /** The public sources fetch knows. */
  public enum Source {
    PDOK("PDOK Wijk- en buurtkaart"),
    CBS("CBS Kerncijfers wijken en buurten (OData)"),
    LBM("Leefbaarometer open data");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Source parse(String raw) {
      return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "pdok", "geo", "geometry" -> PDOK;
        case "cbs", "kwb" -> CBS;
        case "lbm", "leefbaarometer" -> LBM;
        default ->
            throw new IllegalArgumentException(
                "Unknown source '" + raw + "' (pdok, cbs or leefbaarometer)");
      };
    }
  }
}
