package nl.veerkracht.stock;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.database.CopyWriter;
import nl.veerkracht.stock.domain.ClusterRef;
import nl.veerkracht.stock.domain.UnitRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes units and their cluster memberships: units through a COPY-filled staging table, merged
 * where they differ; memberships brought in line with the file for the units it names.
 */
@Component
class UnitWriter {

  static final String COLUMNS =
      "street, house_number, house_letter, house_addition, postcode, city, bag_id, lon, lat, given_buurt,"
          + " build_year, kind, energy_label, target_rent, rent, wws_points, target_group, status";

  /** What writing the units did. */
  record Written(long rows, Map<String, Long> unitIds, boolean known) {}

  private final JdbcClient jdbc;

  UnitWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Written write(Connection connection, long corporationId, List<UnitRecord> units, long importId)
      throws SQLException {
    long written = writeClusters(corporationId, units, importId);
    stage(connection, units);
    // Units that were there before this import may have links to bring in line; new ones cannot.
    boolean known =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM stock_unit u JOIN unit_staging s ON s.unit_code = u.unit_code"
                    + " WHERE u.corporation_id = ?)")
            .param(corporationId)
            .query(Boolean.class)
            .single();
    written += merge(corporationId, importId);
    Map<String, Long> unitIds = new HashMap<>();
    jdbc.sql(
            "SELECT u.unit_code, u.id FROM stock_unit u JOIN unit_staging s ON s.unit_code = u.unit_code WHERE u.corporation_id = ?")
        .param(corporationId)
        .query((rs, n) -> unitIds.put(rs.getString(1), rs.getLong(2)))
        .list();
    written += writeMemberships(connection, corporationId, units, unitIds, known);
    return new Written(written, unitIds, known);
  }

  private static void stage(Connection connection, List<UnitRecord> units) throws SQLException {
    StagingTables.create(
        connection,
        "unit_staging",
        """
        unit_code text, street text, house_number integer, house_letter text, house_addition text, postcode text,
        city text, bag_id text, lon double precision, lat double precision, given_buurt text, build_year smallint,
        kind text, energy_label text, target_rent numeric(10,2), rent numeric(10,2), wws_points integer,
        target_group text, status text""");
    CopyWriter copy = new CopyWriter(connection, "COPY unit_staging FROM STDIN");
    for (UnitRecord u : units) {
      copy.row(
          u.unitCode(),
          u.street(),
          u.houseNumber(),
          u.houseLetter(),
          u.houseAddition(),
          u.postcode(),
          u.city(),
          u.bagId(),
          u.location() == null ? null : u.location().lon(),
          u.location() == null ? null : u.location().lat(),
          u.givenBuurt() == null ? null : u.givenBuurt().value(),
          u.buildYear(),
          u.kind(),
          u.energyLabel(),
          u.targetRent(),
          u.rent(),
          u.wwsPoints(),
          u.targetGroup(),
          u.status());
    }
    copy.flush();
    StagingTables.analyze(connection, "unit_staging");
  }

  private long merge(long corporationId, long importId) {
    return jdbc.sql(
            "INSERT INTO stock_unit AS u (corporation_id, unit_code, "
                + COLUMNS
                + ", import_id) SELECT :corp, s.unit_code, "
                + StagingTables.prefixed("s.", COLUMNS)
                + ", :importId FROM unit_staging s"
                + " ON CONFLICT (corporation_id, unit_code) DO UPDATE SET ("
                + COLUMNS
                + ", import_id) = ("
                + StagingTables.prefixed("excluded.", COLUMNS)
                + ", excluded.import_id) WHERE ("
                + StagingTables.prefixed("u.", COLUMNS)
                + ") IS DISTINCT FROM ("
                + StagingTables.prefixed("excluded.", COLUMNS)
                + ")")
        .param("importId", importId)
        .param("corp", corporationId)
        .update();
  }

  private long writeClusters(long corporationId, List<UnitRecord> units, long importId) {
    Map<String, ClusterRef> clusters = new LinkedHashMap<>();
    for (UnitRecord u : units) {
      for (ClusterRef r : u.clusters()) {
        clusters.merge(r.type() + "/" + r.code(), r, (a, b) -> a.name().equals(a.code()) ? b : a);
      }
    }
    long written = 0;
    for (ClusterRef r : clusters.values()) {
      written +=
          jdbc.sql(
                  """
              INSERT INTO stock_cluster AS c (corporation_id, type, code, name, import_id) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (corporation_id, type, code) DO UPDATE SET name = excluded.name, import_id = excluded.import_id
              WHERE c.name IS DISTINCT FROM excluded.name""")
              .params(corporationId, r.type().name(), r.code(), r.name(), importId)
              .update();
    }
    return written;
  }

  private long writeMemberships(
      Connection connection,
      long corporationId,
      List<UnitRecord> units,
      Map<String, Long> unitIds,
      boolean known)
      throws SQLException {
    Map<String, Long> clusterIds = new HashMap<>();
    jdbc.sql("SELECT type || '/' || code, id FROM stock_cluster WHERE corporation_id = ?")
        .param(corporationId)
        .query((rs, n) -> clusterIds.put(rs.getString(1), rs.getLong(2)))
        .list();
    StagingTables.create(connection, "membership_staging", "unit_id bigint, cluster_id bigint");
    CopyWriter copy = new CopyWriter(connection, "COPY membership_staging FROM STDIN");
    for (UnitRecord u : units) {
      long unitId = unitIds.get(u.unitCode());
      for (ClusterRef r : u.clusters()) {
        copy.integer(unitId).integer(clusterIds.get(r.type() + "/" + r.code())).endRow();
      }
    }
    copy.flush();
    StagingTables.analyze(connection, "membership_staging");
    long written =
        jdbc.sql(
                "INSERT INTO stock_unit_cluster (corporation_id, unit_id, cluster_id)"
                    + " SELECT ?, m.unit_id, m.cluster_id FROM membership_staging m"
                    + (known ? " ON CONFLICT (unit_id, cluster_id) DO NOTHING" : ""))
            .param(corporationId)
            .update();
    if (known) {
      written +=
          jdbc.sql(
                  """
              DELETE FROM stock_unit_cluster x USING unit_staging s, stock_unit u
               WHERE u.corporation_id = ? AND u.unit_code = s.unit_code AND x.unit_id = u.id
                 AND NOT EXISTS (SELECT 1 FROM membership_staging m WHERE m.unit_id = x.unit_id AND m.cluster_id = x.cluster_id)""")
              .param(corporationId)
              .update();
    }
    return written;
  }
}
