package nl.veerkracht.map;

import java.util.List;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.Membership;

/** What the map page shows. */
public record MapView(
    String level,
    List<String> levels,
    String indicatorId,
    String indicatorLabel,
    String unit,
    int decimals,
    List<Choice> indicators,
    List<nl.veerkracht.statistics.IndicatorChoices.Group> indicatorGroups,
    Integer year,
    List<Integer> years,
    String within,
    List<Area> gemeenten,
    String query,
    String complexesUrl,
    List<Membership> corporations,
    String complexesOf,
    String highlight,
    Text yearNote) {

  public String geojsonUrl() {
    return "/api/map/" + level + ".geojson?" + query;
  }

  public String exportUrl(String ext) {
    return "/api/map/" + level + "." + ext + "?" + query;
  }
}
