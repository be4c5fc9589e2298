package nl.veerkracht.imports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.Rejection;

/**
 * The outcome of an import run over one or more files.
 *
 * @param status {@code imported} (something changed), {@code unchanged} (all was there already) or
 *     {@code rejected} (nothing was written)
 */
public record ImportReport(String status, String message, List<FileReport> files) {

  public static final String IMPORTED = "imported";
  public static final String UNCHANGED = "unchanged";
  public static final String REJECTED = "rejected";
  private static final int TEXT_REJECTIONS = 25;

  public boolean rejected() {
    return REJECTED.equals(status);
  }

  public int exitCode() {
    return rejected() ? 1 : 0;
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileReport::rowsRead).sum();
  }

  public long rowsImported() {
    return files.stream().mapToLong(FileReport::rowsImported).sum();
  }

  public long rejectionCount() {
    return files.stream().mapToLong(FileReport::rejectionCount).sum();
  }

  /**
   * What was counted in one file.
   *
   * @param rowsRead data rows (lines, features, records) read
   * @param rowsImported rows that produced areas or figures
   * @param rowsRejected rows with at least one rejection
   * @param valuesRead figures read (ok, missing and secret)
   * @param valuesWritten figures (or own records) inserted or changed in the database
   */
  public record Counts(
      long rowsRead,
      long rowsImported,
      long rowsRejected,
      long valuesRead,
      long valuesMissing,
      long valuesWritten,
      int areasRead,
      int areasWritten,
      int indicatorsAdded) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of a corporation's own file: rows and records written. */
    public static Counts ofRecords(
        long rowsRead, long rowsImported, long rowsRejected, long recordsRead, long written) {
      return new Counts(rowsRead, rowsImported, rowsRejected, recordsRead, 0, written, 0, 0, 0);
    }
  }

  /**
   * One file of a run.
   *
   * @param kind the reader that read it ({@code geojson}, {@code mapping:NAME}, ...)
   * @param provenance source, attribution and licence (null when no reader fitted); in JSON its
   *     fields stand beside the others
   * @param counts rows, figures and areas read and written; in JSON beside the others
   * @param rejections the first rejections (see rejectionCount for all)
   * @param importId the provenance record, null when nothing changed or the run was rejected
   */
  public record FileReport(
      String file,
      String kind,
      String checksum,
      long sizeBytes,
      @JsonUnwrapped FormatReader.Provenance provenance,
      List<Integer> years,
      @JsonUnwrapped Counts counts,
      Long importId,
      List<Text> notes,
      long rejectionCount,
      List<Rejection> rejections) {

    /** A file refused before any reader saw it (unreadable, too large, a bad container). */
    public static FileReport refused(String name, Rejection rejection) {
      return new FileReport(
          name,
          null,
          null,
          0,
          null,
          List.of(),
          Counts.NONE,
          null,
          List.of(),
          1,
          List.of(rejection));
    }

    /** A corporation's own file (records), not public figures and areas. */
    public boolean ownData() {
      return kind != null && (kind.startsWith("stock-") || kind.equals("vera-json"));
    }

    public String source() {
      return provenance == null ? null : provenance.source();
    }

    public String attribution() {
      return provenance == null ? null : provenance.attribution();
    }

    public String licence() {
      return provenance == null ? null : provenance.licence();
    }

    public long rowsRead() {
      return counts.rowsRead();
    }

    public long rowsImported() {
      return counts.rowsImported();
    }

    public long rowsRejected() {
      return counts.rowsRejected();
    }

    public long valuesRead() {
      return counts.valuesRead();
    }

    public long valuesMissing() {
      return counts.valuesMissing();
    }

    public long valuesWritten() {
      return counts.valuesWritten();
    }

    public int areasRead() {
      return counts.areasRead();
    }

    public int areasWritten() {
      return counts.areasWritten();
    }

    public int indicatorsAdded() {
      return counts.indicatorsAdded();
    }
  }

  /** A plain-text rendering for the command line (English, ending in {@link #message()}). */
  public String toText() {
    return details(java.util.Locale.ENGLISH) + message + "\n";
  }

  /** A plain-text rendering in the reader's language (the fetch page). */
  public String toText(java.util.Locale locale) {
    return details(locale) + summary().in(locale) + "\n";
  }

  /** One sentence: what was stored, or why nothing was. */
  public Text summary() {
    long written = files.stream().mapToLong(FileReport::valuesWritten).sum();
    int areas = files.stream().mapToInt(FileReport::areasWritten).sum();
    boolean own = !files.isEmpty() && files.stream().allMatch(FileReport::ownData);
    return Text.msg(
        "imports.message." + status + (own && "imported".equals(status) ? ".own" : ""),
        "0",
        Text.grouped(written, 0),
        "1",
        Text.grouped(areas, 0),
        "2",
        rejectionCount());
  }

  private String details(java.util.Locale locale) {
    StringBuilder sb = new StringBuilder();
    for (FileReport f : files) {
      sb.append(f.file()).append('\n');
      if (f.kind() != null) {
        line(sb, locale, "report.format", "kind", f.kind());
      }
      if (f.source() != null) {
        String credit = f.attribution() + (f.licence() == null ? "" : ", " + f.licence());
        line(sb, locale, "report.source", "source", f.source(), "credit", credit);
      }
      if (!f.years().isEmpty()) {
        line(sb, locale, "report.years", "years", f.years());
      }
      line(
          sb,
          locale,
          "report.rows",
          "read",
          f.rowsRead(),
          "imported",
          f.rowsImported(),
          "rejected",
          f.rowsRejected());
      if (f.ownData()) {
        line(sb, locale, "report.records", "n", f.valuesWritten());
      } else {
        line(
            sb,
            locale,
            "report.figures",
            "read",
            f.valuesRead(),
            "missing",
            f.valuesMissing(),
            "written",
            f.valuesWritten());
        line(sb, locale, "report.areas", "read", f.areasRead(), "written", f.areasWritten());
      }
      if (f.indicatorsAdded() > 0) {
        line(sb, locale, "report.indicators", "n", f.indicatorsAdded());
      }
      for (Text note : f.notes()) {
        line(sb, locale, "report.note", "note", note);
      }
      for (Rejection r : f.rejections()) {
        line(sb, locale, "report.rejected", "rejection", r);
      }
      if (f.rejectionCount() > f.rejections().size()) {
        line(sb, locale, "report.more", "n", f.rejectionCount() - f.rejections().size());
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, java.util.Locale locale, String key, Object... args) {
    sb.append("  ").append(Text.msg(key, args).in(locale)).append('\n');
  }
}
