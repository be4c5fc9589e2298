package nl.veerkracht.analysis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import nl.veerkracht.analysis.domain.AnalysisInputs;
import nl.veerkracht.analysis.domain.Result;
import nl.veerkracht.database.CopyWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The analysis's reads and writes, on the connection of the running transaction: every input figure
 * and the names of gemeenten and wijken in one streamed pass, and the results replacing {@code
 * analysis_result} by {@code COPY} with the run recorded in {@code analysis_run}. {@link
 * AnalysisService} decides when and what.
 */
@Repository
class AnalysisRepository {

  private final DataSource dataSource;

  AnalysisRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Reads the figures of these indicators (and Leefbaarometer changes) and area names. */
  void load(Set<String> inputIds, AnalysisInputs inputs, Map<String, String> names) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT area_code, year, indicator_id, value FROM observation WHERE status = 'ok'"
                + " AND (indicator_id = ANY (?) OR indicator_id LIKE 'lbm2\\_change\\_vei\\_since\\_%')")) {
      ps.setFetchSize(50_000);
      ps.setArray(1, c.createArrayOf("text", inputIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          inputs.put(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getDouble(4));
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT DISTINCT ON (code) code, name FROM area WHERE level IN ('gemeente', 'wijk')"
                      + " ORDER BY code, year DESC")) {
        while (rs.next()) {
          names.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the analysis inputs failed: " + e.getMessage(), e);
    }
  }

  /** Replaces every result and records the run with the settings it used. */
  void write(List<Result> results, long elapsedMs, String settingsJson) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (Statement s = c.createStatement()) {
      // derived data can always be recomputed: no need to wait for the WAL flush; the key is
      // rebuilt once after the bulk load instead of row by row
      s.execute("SET LOCAL synchronous_commit = off");
      s.execute("TRUNCATE analysis_result");
      s.execute("ALTER TABLE analysis_result DROP CONSTRAINT analysis_result_pkey");
      CopyWriter copy =
          new CopyWriter(
              c,
              "COPY analysis_result (area_code, year, indicator_id, value, status,"
                  + " explanation_nl, explanation_en) FROM STDIN");
      for (Result r : results) {
        copy.text(r.areaCode()).integer(r.year()).text(r.indicatorId()).number(r.value());
        copy.text(r.status()).text(r.explanationNl()).text(r.explanationEn()).endRow();
      }
      copy.flush();
      s.execute(
          "ALTER TABLE analysis_result ADD CONSTRAINT analysis_result_pkey"
              + " PRIMARY KEY (area_code, year, indicator_id)");
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO analysis_run (duration_ms, areas, results, settings)"
                  + " VALUES (?, ?, ?, CAST(? AS jsonb))")) {
        ps.setLong(1, elapsedMs);
        ps.setInt(2, (int) results.stream().map(Result::areaCode).distinct().count());
        ps.setInt(3, results.size());
        ps.setString(4, settingsJson);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the analysis results failed: " + e.getMessage(), e);
    }
  }
}
