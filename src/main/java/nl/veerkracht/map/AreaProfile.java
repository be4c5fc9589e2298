package nl.veerkracht.map;

import java.util.List;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.common.Text;
import nl.veerkracht.profile.ProfileRepository;

/**
 * What an area's profile shows, for the page and the PDF alike: the analysis, the key figures next
 * to the gemeente, the Netherlands and the peer group, the Leefbaarometer charts, every figure of
 * the year with its source, and (for the corporation's staff) their complexes here.
 */
public record AreaProfile(
    Area area,
    String parentName,
    int year,
    List<Integer> years,
    List<Text> story,
    List<DerivedRow> analysis,
    List<PeerRow> peers,
    List<KeyRow> keyFigures,
    String corporation,
    List<ProfileRepository.ComplexInArea> complexes,
    String gemeenteName,
    String trendJson,
    String dimensionsJson,
    List<FigureRow> figures,
    List<String> credits) {

  /** The map page on this area's level, year and gemeente with one figure, this area outlined. */
  public String mapHref(String indicatorId) {
    String code = area.code().value();
    String level = area.level().id();
    StringBuilder sb =
        new StringBuilder("/kaart?level=")
            .append(level)
            .append("&indicator=")
            .append(indicatorId)
            .append("&year=")
            .append(year);
    if (!level.equals("gemeente")) {
      sb.append("&within=").append(nl.veerkracht.area.domain.AreaCode.gemeenteOf(code));
    }
    return sb.append("&highlight=").append(code).toString();
  }

  /** The figure the profile's map link opens: the Leefbaarometer class when known. */
  public String mapIndicator() {
    boolean lbm = analysis.stream().anyMatch(d -> d.indicatorId().equals("lbm_class"));
    return lbm
        ? "lbm_class"
        : keyFigures.isEmpty() ? "inhabitants" : keyFigures.get(0).indicatorId();
  }

  /** A row of the figures table. */
  public record FigureRow(
      String indicatorId,
      String label,
      String category,
      String unit,
      int decimals,
      Double value,
      String status,
      String reason,
      String source,
      String attribution) {}

  /** A derived figure with how it was computed. */
  public record DerivedRow(
      String indicatorId, String label, String value, int year, String explanation) {}

  /** A similar buurt. */
  public record PeerRow(String code, String name) {}

  /** One cell of the comparison: a formatted value with its year, or why there is none. */
  public record Cell(String text, Integer year, boolean known) {}

  /** A key figure next to the gemeente, the Netherlands and the peer group. */
  public record KeyRow(
      String indicatorId,
      String label,
      String unit,
      Cell area,
      Cell gemeente,
      Cell nl,
      Cell peers,
      String source) {

    /** Whether a comparison cell holds a figure of another year than the area's own figure. */
    public boolean otherYear(Cell c) {
      return c.year() != null && area.year() != null && !c.year().equals(area.year());
    }
  }
}
