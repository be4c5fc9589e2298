package nl.veerkracht.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.imports.read.AreaDirectory;
import org.springframework.stereotype.Component;

/** The areas held, by name, for readers of files that name regions without their codes. */
@Component
public class KnownAreas {

  private final AreaRepository areas;

  public KnownAreas(AreaRepository areas) {
    this.areas = areas;
  }

  /** A directory for one read: the areas are looked up once, when a reader first asks. */
  public AreaDirectory directory() {
    List<List<AreaDirectory.Known>> loaded = new ArrayList<>();
    return () -> {
      if (loaded.isEmpty()) {
        loaded.add(load());
      }
      return loaded.get(0);
    };
  }

  private List<AreaDirectory.Known> load() {
    List<AreaDirectory.Known> out = new ArrayList<>();
    for (AreaLevel level : List.of(AreaLevel.GEMEENTE, AreaLevel.WIJK, AreaLevel.BUURT)) {
      for (int year : areas.years(level)) {
        areas
            .list(level, year, Optional.empty())
            .forEach(
                a -> out.add(new AreaDirectory.Known(level, a.code().value(), a.name(), year)));
      }
    }
    return out;
  }
}
