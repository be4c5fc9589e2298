package nl.veerkracht.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.statistics.domain.Indicator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a file looks like, computed once and shared by the readers deciding whether they know it:
 * its extension, its first line (text files) with the header names, or its parsed JSON.
 */
public final class Sniff {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ImportFile file;
  private String firstLine;
  private List<String> headerNormalised;
  private JsonNode json;
  private String jsonError;
  private boolean jsonTried;

  public Sniff(ImportFile file) {
    this.file = file;
  }

  public ImportFile file() {
    return file;
  }

  public String extension() {
    return file.extension();
  }

  public boolean isJson() {
    String e = extension();
    return e.equals("json") || e.equals("geojson") || e.equals("topojson");
  }

  public boolean isDelimitedText() {
    String e = extension();
    return e.equals("csv") || e.equals("txt") || e.equals("tsv");
  }

  /** The first line of a text file without a byte-order mark. */
  public String firstLine() throws IOException {
    if (firstLine == null) {
      byte[] head;
      try (InputStream in = file.open()) {
        head = in.readNBytes(1 << 16);
      }
      String s = new String(head, StandardCharsets.UTF_8);
      if (s.startsWith("\uFEFF")) {
        s = s.substring(1);
      }
      firstLine = CsvTable.firstLine(s);
    }
    return firstLine;
  }

  /** The header names of a delimited text file, normalised. */
  public List<String> header() throws IOException {
    if (headerNormalised == null) {
      String line = firstLine();
      char d = CsvTable.guessDelimiter(line);
      CsvTable t = CsvTable.read(file.name(), line + "\n", d);
      List<String> names = new ArrayList<>();
      for (String h : t.header()) {
        names.add(Indicator.normalise(h));
      }
      headerNormalised = names;
    }
    return headerNormalised;
  }

  public boolean hasColumns(String... names) throws IOException {
    List<String> header = header();
    for (String n : names) {
      if (!header.contains(Indicator.normalise(n))) {
        return false;
      }
    }
    return true;
  }

  public boolean hasAnyColumn(String... names) throws IOException {
    List<String> header = header();
    for (String n : names) {
      if (header.contains(Indicator.normalise(n))) {
        return true;
      }
    }
    return false;
  }

  /** The parsed JSON document, or null when the file is not valid JSON (see {@link #jsonError}). */
  public JsonNode json() throws IOException {
    if (!jsonTried) {
      jsonTried = true;
      try (InputStream in = file.open()) {
        json = JSON.readTree(in);
      } catch (JacksonException e) {
        jsonError = describe(e);
      }
    }
    return json;
  }

  public String jsonError() {
    return jsonError;
  }

  static String describe(JacksonException e) {
    String msg = e.getOriginalMessage();
    var loc = e.getLocation();
    return "not valid JSON"
        + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
        + ": "
        + (msg == null ? e.getClass().getSimpleName() : msg.lines().findFirst().orElse(msg))
        + (msg != null && msg.contains("end-of-input") ? " (is the file truncated?)" : "");
  }
}
