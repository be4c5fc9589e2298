package nl.veerkracht.imports.read;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A delimited text file read whole: a header and rows with their line numbers. Rows with a
 * different number of fields than the header (a truncated file, a wrong delimiter) and unbalanced
 * quotes are reported as rejections by the caller through {@link #problems()}.
 */
public final class CsvTable {

  /** A data row and the line it ends on. */
  public record Row(long line, String[] cells) {
    public String get(int i) {
      return i < cells.length ? cells[i] : null;
    }
  }

  private final List<String> header;
  private final List<Row> rows;
  private final List<Rejection> problems;
  private final char delimiter;

  private CsvTable(List<String> header, List<Row> rows, List<Rejection> problems, char delimiter) {
    this.header = header;
    this.rows = rows;
    this.problems = problems;
    this.delimiter = delimiter;
  }

  /** A table from rows read elsewhere (a spreadsheet); line numbers are the source's. */
  public static CsvTable of(List<String> header, List<Row> rows, List<Rejection> problems) {
    return new CsvTable(List.copyOf(header), rows, problems, ',');
  }

  /** Reads text with the given delimiter, or the one guessed from the header when 0. */
  public static CsvTable read(String fileName, String text, char delimiter) {
    char d = delimiter != 0 ? delimiter : guessDelimiter(firstLine(text));
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(d).setIgnoreEmptyLines(true).setTrim(false).get();
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    List<Rejection> problems = new ArrayList<>();
    try (Reader reader = new StringReader(text);
        CSVParser parser = CSVParser.parse(reader, format)) {
      var iterator = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!iterator.hasNext()) {
            break;
          }
          record = iterator.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          problems.add(
              new Rejection(
                  fileName,
                  parser.getCurrentLineNumber(),
                  null,
                  "cannot read the line: "
                      + rootMessage(e)
                      + " (unbalanced quotes, or a truncated file?)"));
          break;
        }
        String[] cells = record.values();
        long line = parser.getCurrentLineNumber();
        if (header == null) {
          header = Arrays.stream(cells).map(String::strip).toList();
          continue;
        }
        if (cells.length != header.size()) {
          if (cells.length == 1 && cells[0].isBlank()) {
            continue;
          }
          problems.add(
              new Rejection(
                  fileName,
                  line,
                  null,
                  "the line has "
                      + cells.length
                      + " fields where the header has "
                      + header.size()
                      + (cells.length < header.size()
                          ? " (is the file truncated, or is the delimiter not '"
                              + printable(d)
                              + "'?)"
                          : " (a wrong delimiter, or an unquoted '"
                              + printable(d)
                              + "' in a value?)")));
          continue;
        }
        rows.add(new Row(line, cells));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null) {
      problems.add(new Rejection(fileName, 0, null, "the file is empty"));
      header = List.of();
    }
    return new CsvTable(header, rows, problems, d);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  static String printable(char d) {
    return d == '\t' ? "\\t" : String.valueOf(d);
  }

  public static String firstLine(String text) {
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** The most frequent of ';', ',', tab and '|' in the header line (outside quotes). */
  public static char guessDelimiter(String headerLine) {
    int[] counts = new int[4];
    char[] candidates = {';', ',', '\t', '|'};
    boolean quoted = false;
    for (char c : headerLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted) {
        for (int i = 0; i < candidates.length; i++) {
          if (c == candidates[i]) {
            counts[i]++;
          }
        }
      }
    }
    int best = 1;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return candidates[best];
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  public List<Rejection> problems() {
    return problems;
  }

  public char delimiter() {
    return delimiter;
  }

  /** Index of the first header whose normalised name is one of these, or -1. */
  public int indexOf(String... names) {
    for (String name : names) {
      String wanted = nl.veerkracht.statistics.domain.Indicator.normalise(name);
      for (int i = 0; i < header.size(); i++) {
        if (nl.veerkracht.statistics.domain.Indicator.normalise(header.get(i)).equals(wanted)) {
          return i;
        }
      }
    }
    return -1;
  }
}
