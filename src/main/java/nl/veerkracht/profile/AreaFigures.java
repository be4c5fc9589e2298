package nl.veerkracht.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.veerkracht.analysis.domain.ComplexFigures;

/** Groupings of {@link ProfileRepository.AreaFigure}s. */
final class AreaFigures {

  private AreaFigures() {}

  /** Area code → indicator → figure. */
  static Map<String, Map<String, ProfileRepository.AreaFigure>> byArea(
      List<ProfileRepository.AreaFigure> figures) {
    return figures.stream()
        .collect(
            Collectors.groupingBy(
                ProfileRepository.AreaFigure::areaCode,
                Collectors.toMap(ProfileRepository.AreaFigure::indicatorId, f -> f, (a, b) -> a)));
  }

  /** Area code → known value and year of one indicator. */
  static Map<String, ComplexFigures.Known> known(
      Map<String, Map<String, ProfileRepository.AreaFigure>> figures, String id) {
    Map<String, ComplexFigures.Known> out = new HashMap<>();
    figures.forEach(
        (area, byId) -> {
          ProfileRepository.AreaFigure f = byId.get(id);
          if (f != null && f.value() != null) {
            out.put(area, new ComplexFigures.Known(f.value(), f.year()));
          }
        });
    return out;
  }
}
