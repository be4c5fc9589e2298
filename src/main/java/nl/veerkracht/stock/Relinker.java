package nl.veerkracht.stock;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Component;

/**
 * Places every unit of every corporation again in the divisions whose boundaries an import has just
 * added or changed, inside that import's transaction: a corporation that loaded its stock before
 * the open data gets its buurten when the boundaries arrive.
 */
@Component
class Relinker {

  private final LocationWriter locations;
  private final SpatialLinker linker;

  Relinker(LocationWriter locations, SpatialLinker linker) {
    this.locations = locations;
    this.linker = linker;
  }

  /**
   * @param note receives per corporation how many units were placed in a buurt of each year, and
   *     which lie outside every boundary
   * @return rows written
   */
  long relink(Set<Integer> years, Consumer<Text> note) {
    // the linker's indexes were built from the boundaries before this transaction
    linker.forget();
    try {
      long written = 0;
      for (LocationWriter.Holder c : locations.holders()) {
        written +=
            locations.write(
                c.id(),
                locations.held(c.id()),
                List.copyOf(years),
                true,
                n ->
                    note.accept(
                        Text.msg("report.note.ofCorporation", "code", c.code(), "note", n)));
      }
      return written;
    } catch (SQLException e) {
      throw new IllegalStateException("Linking the units to the new boundaries failed", e);
    } finally {
      // indexes built inside this transaction must not outlive it (it may still roll back)
      linker.forget();
    }
  }
}
