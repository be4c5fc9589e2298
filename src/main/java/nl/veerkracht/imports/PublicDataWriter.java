package nl.veerkracht.imports;

import java.sql.SQLException;
import java.util.List;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.FormatReader;
import nl.veerkracht.statistics.CbsTableRepository;
import nl.veerkracht.statistics.IndicatorRepository;
import nl.veerkracht.statistics.ObservationStaging;
import nl.veerkracht.statistics.domain.Indicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes what a public-data file held: new source-named indicators, areas (with their display
 * geometries), the staged figures and CBS table metadata, under one provenance record.
 */
@Component
class PublicDataWriter {

  private static final Logger log = LoggerFactory.getLogger(PublicDataWriter.class);

  /** What was written; importId is null when nothing changed. */
  record Written(long values, int areas, int indicators, Long importId) {
    static final Written NOTHING = new Written(0, 0, 0, null);
  }

  private final IndicatorRepository indicators;
  private final CbsTableRepository cbsTables;
  private final AreaWriter areaWriter;
  private final ImportRunRepository runs;

  PublicDataWriter(
      IndicatorRepository indicators,
      CbsTableRepository cbsTables,
      AreaRepository areas,
      ImportRunRepository runs) {
    this.indicators = indicators;
    this.cbsTables = cbsTables;
    this.areaWriter = new AreaWriter(areas);
    this.runs = runs;
  }

  Written write(
      ImportRequest request,
      PreparedFile p,
      FormatReader reader,
      RunSink sink,
      ObservationStaging staging)
      throws SQLException {
    FormatReader.Provenance provenance = sink.provenanceOf(reader);
    long importId =
        runs.start(
            request,
            p,
            reader.kind(),
            provenance,
            sink.rowsRead,
            sink.rowsImported,
            staging.directImportId());
    int indicatorsAdded = 0;
    for (Indicator i : sink.indicators.values()) {
      if (indicators.addIfAbsent(i)) {
        indicatorsAdded++;
      }
    }
    long t0 = System.nanoTime();
    int areasWritten = areaWriter.write(sink.areas.values(), importId, sink::note);
    long t1 = System.nanoTime();
    long valuesWritten = staging.merge(importId);
    log.info(
        "{}: areas written in {} ms, figures merged in {} ms",
        p.file().name(),
        (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    int metadataWritten =
        cbsTables.saveProperties(sink.tableProperties)
            + cbsTables.saveTables(sink.tableInfos, importId);
    if (indicatorsAdded + areasWritten + valuesWritten + metadataWritten == 0) {
      runs.discard(importId);
      sink.note(Text.msg("report.note.unchanged"));
      return Written.NOTHING;
    }
    runs.finish(
        importId,
        valuesWritten,
        areasWritten,
        new ImportRunRepository.Summary(
            sink.rowsRead,
            sink.rowsImported,
            sink.valuesRead,
            sink.valuesMissing,
            indicatorsAdded,
            List.copyOf(sink.notes)));
    return new Written(valuesWritten, areasWritten, indicatorsAdded, importId);
  }
}
