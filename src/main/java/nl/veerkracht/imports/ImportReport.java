package nl.veerkracht.imports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
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
      List<String> notes,
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

  /** A plain-text rendering for the command line. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    for (FileReport f : files) {
      sb.append(f.file()).append('\n');
      if (f.kind() != null) {
        sb.append("  format:    ").append(f.kind()).append('\n');
      }
      if (f.source() != null) {
        sb.append("  source:    ").append(f.source()).append(" (").append(f.attribution());
        if (f.licence() != null) {
          sb.append(", ").append(f.licence());
        }
        sb.append(")\n");
      }
      if (!f.years().isEmpty()) {
        sb.append("  years:     ").append(f.years()).append('\n');
      }
      sb.append("  rows:      ")
          .append(f.rowsRead())
          .append(" read, ")
          .append(f.rowsImported())
          .append(" imported, ")
          .append(f.rowsRejected())
          .append(" rejected\n");
      if (f.ownData()) {
        sb.append("  records:   ").append(f.valuesWritten()).append(" written or changed\n");
      } else {
        sb.append("  figures:   ")
            .append(f.valuesRead())
            .append(" read (")
            .append(f.valuesMissing())
            .append(" missing or secret), ")
            .append(f.valuesWritten())
            .append(" written\n");
        sb.append("  areas:     ")
            .append(f.areasRead())
            .append(" read, ")
            .append(f.areasWritten())
            .append(" written\n");
      }
      if (f.indicatorsAdded() > 0) {
        sb.append("  indicators: ")
            .append(f.indicatorsAdded())
            .append(" added under their source names\n");
      }
      for (String note : f.notes()) {
        sb.append("  note:      ").append(note).append('\n');
      }
      for (Rejection r : f.rejections()) {
        sb.append("  REJECTED:  ").append(r).append('\n');
      }
      if (f.rejectionCount() > f.rejections().size()) {
        sb.append("  ... and ")
            .append(f.rejectionCount() - f.rejections().size())
            .append(" more rejections\n");
      }
    }
    sb.append(message).append('\n');
    return sb.toString();
  }
}
