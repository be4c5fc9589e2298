package nl.veerkracht.imports;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.imports.read.ColumnMapping;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.MappedReader;
import nl.veerkracht.imports.read.Readers;
import nl.veerkracht.imports.read.Sniff;
import org.springframework.stereotype.Component;

/**
 * Which reader reads a public-data file: a saved column mapping when one is named, the reader of
 * the kind asked for, or the first that recognises the file; and, when none does, why not.
 */
@Component
class ReaderChoice {

  private final ColumnMappings mappings;

  ReaderChoice(ColumnMappings mappings) {
    this.mappings = mappings;
  }

  Optional<FormatReader> choose(ImportRequest request, Sniff sniff) throws IOException {
    String mappingName = request.mapping();
    if (mappingName == null && request.kind() != null && request.kind().startsWith("mapping:")) {
      mappingName = request.kind().substring("mapping:".length());
    }
    if (mappingName != null) {
      Optional<ColumnMapping> mapping = mappings.find(mappingName, request.corporationId());
      if (mapping.isEmpty()) {
        throw new IOException("there is no saved column mapping named '" + mappingName + "'");
      }
      return Optional.of(new MappedReader(mapping.get()));
    }
    if (request.kind() != null) {
      return Readers.byKind(request.kind());
    }
    if (sniff.isJson() && sniff.json() == null) {
      throw new IOException(sniff.jsonError());
    }
    return Readers.recognise(sniff, mappings.mappings(request.corporationId()));
  }

  /** Why no reader fits, with what to do about it. */
  String unknownLayout(Sniff sniff, ImportRequest request, List<String> kinds) {
    if (request.kind() != null) {
      return "unknown kind '" + request.kind() + "'; known kinds: " + String.join(", ", kinds);
    }
    try {
      if (sniff.isDelimitedText()) {
        List<String> header = sniff.header();
        if (header.size() <= 1) {
          return "the header has a single column ('"
              + shorten(sniff.firstLine(), 60)
              + "'); is the delimiter one of ';' ',' tab '|'? No known layout fits";
        }
        return "no known layout fits these columns ("
            + shorten(String.join(", ", header), 120)
            + "); import it with a saved column mapping (--mapping NAME) or make one on the upload page";
      }
      if (sniff.isJson()) {
        return "no known JSON layout fits (GeoJSON, TopoJSON, CBS OData, VERA); import it with a saved column mapping";
      }
    } catch (IOException e) {
      return "cannot read the file: " + e.getMessage();
    }
    return "unknown file type '."
        + sniff.extension()
        + "' (csv, json, geojson, topojson, gpkg, xlsx, gz, zip)";
  }

  static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max - 3) + "..." : s;
  }
}
