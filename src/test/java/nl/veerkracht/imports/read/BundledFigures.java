package nl.veerkracht.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nl.veerkracht.analysis.domain.AnalysisInputs;
import nl.veerkracht.statistics.domain.ObservationStatus;
import nl.veerkracht.support.Demo;

/**
 * Reads bundled real files with the production readers into {@link AnalysisInputs}, so analysis
 * unit tests compute on the same numbers the application imports, without a database.
 */
public final class BundledFigures {

  public final AnalysisInputs inputs = new AnalysisInputs();
  public final Map<String, String> names = new HashMap<>();

  public static BundledFigures read(Path tmp, String... files) {
    BundledFigures figures = new BundledFigures();
    for (String name : files) {
      CollectingSink sink = new CollectingSink();
      try {
        ImportFile file = unpacked(name, tmp);
        Sniff sniff = new Sniff(file);
        FormatReader reader =
            Readers.recognise(sniff, ShippedMappings.all())
                .orElseThrow(() -> new AssertionError("no reader recognises " + name));
        reader.read(sniff, ReadContext.of(null), sink);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (ValueRecord v : sink.values) {
        if (v.status() == ObservationStatus.OK) {
          figures.inputs.put(v.code().value(), v.year(), v.indicatorId(), v.value());
        }
      }
      for (AreaRecord a : sink.areas) {
        figures.names.putIfAbsent(a.code().value(), a.name());
      }
    }
    return figures;
  }

  private static ImportFile unpacked(String name, Path tmp) throws IOException {
    Path path = Demo.file(name);
    if (!name.endsWith(".gz")) {
      return new ImportFile(path.getFileName().toString(), path);
    }
    Path out = tmp.resolve(path.getFileName().toString().replace(".gz", ""));
    if (!Files.exists(out)) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
        Files.copy(in, out);
      }
    }
    return new ImportFile(out.getFileName().toString(), out);
  }
}
