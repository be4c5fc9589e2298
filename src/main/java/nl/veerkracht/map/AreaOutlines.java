package nl.veerkracht.map;

import java.util.List;
import java.util.Optional;
import nl.veerkracht.analysis.domain.AnalysisInputs;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.Area;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.stereotype.Service;

/** The shapes of an area and its neighbours of the same level in its gemeente, for maps in PDFs. */
@Service
public class AreaOutlines {

  private final AreaRepository areas;
  private final MapGeometryRepository geometries;

  public AreaOutlines(AreaRepository areas, MapGeometryRepository geometries) {
    this.areas = areas;
    this.geometries = geometries;
  }

  /** The outlines in the division year nearest to {@code year} that has the area's geometry. */
  ProfilePdf.Outlines around(Area a, int year) {
    Integer best = null;
    for (int y : geometries.geometryYears(a.level())) {
      if (areas.find(a.code(), y).map(Area::hasGeometry).orElse(false)
          && (best == null || Math.abs(y - year) < Math.abs(best - year))) {
        best = y;
      }
    }
    if (best == null) {
      return new ProfilePdf.Outlines(List.of(), a.year());
    }
    Optional<AreaCode> within =
        a.level() == AreaLevel.GEMEENTE
            ? Optional.empty()
            : AreaCode.parse(AnalysisInputs.gemeenteOf(a.code().value()));
    return new ProfilePdf.Outlines(
        geometries.shapes(a.level(), best, within, Detail.OVERVIEW), best);
  }
}
