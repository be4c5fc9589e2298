package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in readers, in the order they are asked whether they know a file. */
public final class Readers {

  private static final List<FormatReader> BUILT_IN =
      List.of(
          new GeoJsonReader(),
          new TopoJsonReader(),
          new GeoPackageReader(),
          new CbsODataReader(),
          new CbsMetadataReader(),
          new KwbRStyleCsvReader(),
          new StatLineCsvReader(),
          new KwbAttributesCsvReader(),
          new Lbm3CsvReader(),
          new Lbm2Reader(),
          new LongFormatReader());

  private Readers() {}

  public static List<FormatReader> builtIn() {
    return BUILT_IN;
  }

  public static Optional<FormatReader> byKind(String kind) {
    return BUILT_IN.stream().filter(r -> r.kind().equals(kind)).findFirst();
  }

  public static List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    BUILT_IN.forEach(r -> kinds.add(r.kind()));
    return kinds;
  }

  /**
   * The reader for a file: the built-in one that recognises it, else the one saved mapping whose
   * match rule fits.
   */
  public static Optional<FormatReader> recognise(Sniff sniff, List<ColumnMapping> mappings)
      throws IOException {
    for (FormatReader reader : BUILT_IN) {
      if (reader.recognises(sniff)) {
        return Optional.of(reader);
      }
    }
    List<FormatReader> fitting = new ArrayList<>();
    for (ColumnMapping m : mappings) {
      MappedReader reader = new MappedReader(m);
      if (reader.recognises(sniff)) {
        fitting.add(reader);
      }
    }
    return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
  }
}
