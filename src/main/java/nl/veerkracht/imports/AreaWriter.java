package nl.veerkracht.imports;

import java.util.Collection;
import java.util.List;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.AreaUpsert;
import nl.veerkracht.geo.AreaGeometry;
import nl.veerkracht.geo.GeometryException;

/**
 * Writes the areas of a file: geometries are validated already; here their display versions are
 * made (in parallel, it is the costly part) and all areas are upserted in batches.
 */
final class AreaWriter {

  private final AreaRepository areas;

  AreaWriter(AreaRepository areas) {
    this.areas = areas;
  }

  /**
   * Writes the areas; {@code note} hears of the areas whose display geometry needed the fallback
   * (issue 28: a valid geometry never fails an import, and the report says where it was repaired).
   */
  int write(
      Collection<RunSink.AreaAcc> collected,
      long importId,
      java.util.function.Consumer<nl.veerkracht.common.Text> note) {
    List<AreaUpsert> upserts =
        collected.parallelStream()
            .map(
                acc -> {
                  AreaGeometry geometry = null;
                  if (acc.geometry != null) {
                    try {
                      geometry =
                          AreaGeometry.prepare(
                              acc.geometry,
                              AreaGeometry.Tolerance.valueOf(acc.first.code().level().name()));
                    } catch (GeometryException e) {
                      throw new IllegalStateException(acc.first.code() + ": " + e.getMessage(), e);
                    }
                  }
                  return new AreaUpsert(
                      acc.first.code(), acc.first.year(), acc.name, geometry, acc.attributes);
                })
            .toList();
    List<String> repaired =
        upserts.stream()
            .filter(u -> u.geometry() != null && u.geometry().repaired())
            .map(u -> u.code().value())
            .sorted()
            .toList();
    if (!repaired.isEmpty()) {
      note.accept(
          nl.veerkracht.common.Text.msg(
              "report.note.geometryRepaired",
              "n",
              repaired.size(),
              "codes",
              String.join(", ", repaired.subList(0, Math.min(10, repaired.size())))));
    }
    return areas.upsert(upserts, importId);
  }
}
