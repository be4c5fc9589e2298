package nl.veerkracht.imports.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The column mappings shipped in {@code src/main/resources/mappings}, for reader tests. */
final class ShippedMappings {
  private ShippedMappings() {}

  static List<ColumnMapping> all() {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/mappings"))) {
      return files
          .filter(p -> p.toString().endsWith(".mapping.json"))
          .map(
              p -> {
                try {
                  return ColumnMapping.parse(Files.readString(p));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
