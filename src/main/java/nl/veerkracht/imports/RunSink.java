package nl.veerkracht.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.AreaRecord;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.imports.read.ImportSink;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.imports.read.ValueRecord;
import nl.veerkracht.statistics.ObservationStaging;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.ObservationStatus;
import nl.veerkracht.statistics.domain.TableInfo;
import nl.veerkracht.statistics.domain.TableProperty;

/**
 * Collects what a reader finds in one file: figures go straight to the staging table, areas,
 * indicators and metadata are kept in memory until the file is written.
 */
final class RunSink implements ImportSink {

  static final int MAX_LISTED_REJECTIONS = 200;
  static final int STOP_AFTER_REJECTIONS = 1000;

  /** An area as collected from possibly several records of the file. */
  static final class AreaAcc {
    final AreaRecord first;
    String name;
    org.locationtech.jts.geom.Geometry geometry;
    final Map<String, String> attributes = new LinkedHashMap<>();

    AreaAcc(AreaRecord first) {
      this.first = first;
    }
  }

  private final String fileName;
  private final ObservationStaging staging;
  private final ImportService.Progress progress;
  final Map<String, AreaAcc> areas = new LinkedHashMap<>();
  final Map<String, Indicator> indicators = new LinkedHashMap<>();
  final List<TableProperty> tableProperties = new ArrayList<>();
  final List<TableInfo> tableInfos = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();
  final Set<Text> notes = new LinkedHashSet<>();
  final Set<Integer> years = new TreeSet<>();
  private final Map<String, Long> geometryRow = new HashMap<>();
  final Set<Long> rejectedRows = new java.util.HashSet<>();
  private final KeyRows keyRows = new KeyRows();
  private FormatReader.Provenance provenance;
  long rejectionCount;
  long rowsRead;
  long rowsImported;
  long valuesRead;
  long valuesMissing;

  private final int maxIndicators;
  private final int maxAreas;
  private boolean overLimit;

  RunSink(
      String fileName,
      ObservationStaging staging,
      ImportService.Progress progress,
      int maxIndicators,
      int maxAreas) {
    this.fileName = fileName;
    this.staging = staging;
    this.progress = progress;
    this.maxIndicators = maxIndicators;
    this.maxAreas = maxAreas;
  }

  /** A file over a limit is rejected as a whole, once, naming the limit and its setting. */
  private void overLimit(String what, int limit, String setting) {
    if (!overLimit) {
      overLimit = true;
      reject(
          Rejection.ofFile(
              fileName, Text.msg("report.limit." + what, "limit", limit, "setting", setting)));
    }
  }

  @Override
  public void area(AreaRecord area) {
    String key = area.year() + "/" + area.code().value();
    if (areas.size() >= maxAreas && !areas.containsKey(key)) {
      overLimit("areas", maxAreas, "veerkracht.imports.max-areas");
      return;
    }
    AreaAcc acc = areas.computeIfAbsent(key, k -> new AreaAcc(area));
    if (acc.name == null && area.name() != null) {
      acc.name = area.name();
    }
    if (area.geometry() != null) {
      Long earlier = geometryRow.putIfAbsent(key, rowsRead);
      if (earlier != null) {
        reject(
            Rejection.feature(
                fileName,
                rowsRead,
                "geometry",
                area.code()
                    + " "
                    + area.year()
                    + " has a geometry in feature "
                    + earlier
                    + " already"));
      } else {
        acc.geometry = area.geometry();
      }
    }
    if (area.attributes() != null) {
      area.attributes().forEach(acc.attributes::putIfAbsent);
    }
    years.add(area.year());
  }

  @Override
  public void value(ValueRecord v) {
    valuesRead++;
    if (v.status() != ObservationStatus.OK) {
      valuesMissing++;
    }
    years.add(v.year());
    long earlier = keyRows.putIfAbsent(v.code().value(), v.year(), v.indicatorId(), rowsRead);
    if (earlier >= 0) {
      reject(
          new Rejection(
              fileName,
              "row",
              rowsRead,
              v.indicatorId(),
              v.code()
                  + " "
                  + v.year()
                  + " has a value for "
                  + v.indicatorId()
                  + (earlier == rowsRead
                      ? " twice in this row"
                      : " in row " + earlier + " already")));
      return;
    }
    if (rejectionCount > 0) {
      return; // the file is rejected: no use staging more
    }
    try {
      staging.add(
          v.code().value(),
          v.year(),
          v.indicatorId(),
          v.value(),
          v.status().id(),
          v.reason(),
          v.divisionYear(),
          rowsRead);
    } catch (SQLException e) {
      throw new ImportService.StorageException(e);
    }
  }

  /** Lets the connection answer a lookup while the file is read (see ObservationStaging). */
  void pauseStaging() throws SQLException {
    staging.pause();
  }

  @Override
  public void indicator(Indicator indicator) {
    if (indicators.size() >= maxIndicators && !indicators.containsKey(indicator.id())) {
      overLimit("indicators", maxIndicators, "veerkracht.imports.max-indicators");
      return;
    }
    indicators.putIfAbsent(indicator.id(), indicator);
  }

  @Override
  public void tableProperty(TableProperty property) {
    tableProperties.add(property);
  }

  @Override
  public void tableInfo(TableInfo info) {
    tableInfos.add(info);
  }

  @Override
  public void reject(Rejection rejection) {
    rejectionCount++;
    if (rejection.line() > 0) {
      rejectedRows.add(rowsRead);
    }
    if (rejections.size() < MAX_LISTED_REJECTIONS) {
      rejections.add(rejection);
    }
  }

  @Override
  public void rowRead() {
    rowsRead++;
    if (progress != null && (rowsRead & 1023) == 0) {
      progress.rows(fileName, rowsRead);
    }
  }

  @Override
  public void rowImported() {
    rowsImported++;
  }

  @Override
  public boolean saturated() {
    return rejectionCount >= STOP_AFTER_REJECTIONS;
  }

  /** The division years for which this file brought boundaries. */
  Set<Integer> geometryYears() {
    Set<Integer> years = new TreeSet<>();
    for (AreaAcc a : areas.values()) {
      if (a.geometry != null) {
        years.add(a.first.year());
      }
    }
    return years;
  }

  @Override
  public void provenance(FormatReader.Provenance provenance) {
    this.provenance = provenance;
  }

  /** Where the data comes from: what the reader learnt from the file, else the format's own. */
  FormatReader.Provenance provenanceOf(FormatReader reader) {
    Integer year = years.isEmpty() ? null : years.stream().max(Integer::compare).get();
    return (provenance != null ? provenance : reader.provenance()).withYear(year);
  }

  /** The report of this file after reading and, unless rejected, writing. */
  ImportReport.FileReport report(
      PreparedFile p, FormatReader reader, PublicDataWriter.Written written) {
    notePerSource();
    ImportReport.Counts counts =
        new ImportReport.Counts(
            rowsRead,
            rowsImported,
            rejectedRows.size(),
            valuesRead,
            valuesMissing,
            written.values(),
            areas.size(),
            written.areas(),
            written.indicators());
    return new ImportReport.FileReport(
        p.file().name(),
        reader == null ? null : reader.kind(),
        p.checksum(),
        p.size(),
        reader == null ? null : provenanceOf(reader),
        List.copyOf(years),
        counts,
        written.importId(),
        List.copyOf(notes),
        rejectionCount,
        List.copyOf(rejections));
  }

  /**
   * Which columns kept under their own name went under which source (issue 28: provenance per
   * column), so a reader of the report sees police, Vektis or unknown columns named as such.
   */
  private void notePerSource() {
    java.util.Map<String, List<String>> bySource = new java.util.TreeMap<>();
    for (Indicator i : indicators.values()) {
      if ("source".equals(i.origin())) {
        bySource.computeIfAbsent(i.source(), k -> new java.util.ArrayList<>()).add(i.labelNl());
      }
    }
    bySource.forEach(
        (source, columns) -> {
          String shown =
              columns.size() <= 12
                  ? String.join(", ", columns)
                  : String.join(", ", columns.subList(0, 12))
                      + " … (+"
                      + (columns.size() - 12)
                      + ")";
          note(Text.msg("report.note.columnsOfSource", "source", source, "columns", shown));
        });
  }

  @Override
  public void note(Text note) {
    if (notes.size() < 50) {
      notes.add(note);
    }
  }
}
