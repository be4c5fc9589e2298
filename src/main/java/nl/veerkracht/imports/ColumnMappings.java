package nl.veerkracht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.ColumnMapping;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Saved column mappings: those shipped with Veerkracht (for its bundled files, read from {@code
 * classpath:mappings/*.mapping.json}) and those users saved, shared or per corporation.
 */
@Service
public class ColumnMappings {

  /** A mapping and who may use it. */
  public record Saved(
      ColumnMapping mapping, boolean shipped, Long corporationId, String createdBy) {}

  private final ColumnMappingRepository rows;
  private final nl.veerkracht.security.CurrentUser currentUser;
  private final List<ColumnMapping> shipped;

  ColumnMappings(ColumnMappingRepository rows, nl.veerkracht.security.CurrentUser currentUser) {
    this.rows = rows;
    this.currentUser = currentUser;
    this.shipped = loadShipped();
  }

  private static List<ColumnMapping> loadShipped() {
    List<ColumnMapping> list = new ArrayList<>();
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:mappings/*.mapping.json");
      for (Resource r : resources) {
        try (InputStream in = r.getInputStream()) {
          list.add(ColumnMapping.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(list);
  }

  /**
   * The corporation whose mappings the caller reads: null for the shared ones only, else its id
   * (refused unless the caller is its staff).
   */
  public Long readableBy(String corporation) {
    return corporation == null ? null : currentUser.requireStaff(corporation).corporationId();
  }

  /**
   * The corporation a mapping is saved for: its id (refused unless the caller may import for it),
   * or null for a shared mapping (refused unless the caller writes public data).
   */
  public Long writableBy(String corporation) {
    if (corporation != null) {
      return currentUser.requireAnalyst(corporation).corporationId();
    }
    currentUser.requirePublicDataWriter();
    return null;
  }

  /** Mappings usable for public data and by this corporation (null: shared only). */
  public List<Saved> list(Long corporationId) {
    List<Saved> all = new ArrayList<>();
    shipped.forEach(m -> all.add(new Saved(m, true, null, "Veerkracht")));
    all.addAll(rows.list(corporationId));
    return all;
  }

  public List<ColumnMapping> mappings(Long corporationId) {
    return list(corporationId).stream().map(Saved::mapping).toList();
  }

  public Optional<ColumnMapping> find(String name, Long corporationId) {
    return mappings(corporationId).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /**
   * Saves a user's mapping, replacing one of the same name and scope only when the same user made
   * it or an administrator saves it.
   *
   * @throws ForbiddenException when someone else's mapping has that name
   * @throws IllegalArgumentException when a shipped mapping has that name or the mapping is not
   *     usable
   */
  public void save(ColumnMapping mapping, Long corporationId, String actor, boolean administrator) {
    List<String> problems = mapping.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    if (shipped.stream().anyMatch(m -> m.name().equals(mapping.name()))) {
      throw new IllegalArgumentException(
          "'" + mapping.name() + "' is the name of a mapping Veerkracht ships");
    }
    if (!rows.save(mapping.name(), corporationId, mapping.toJson(), actor, administrator)) {
      throw new ForbiddenException(
          Text.msg("error.imports.mappingOwner", "name", String.valueOf(mapping.name())));
    }
  }
}
