package nl.veerkracht.monitor;

import java.time.OffsetDateTime;
import java.util.List;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.StatisticsCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Reads one corporation's recorded target and signal changes as {@link Changes.Change}s. */
@Component
class OwnChangeListRepository {

  private final JdbcClient jdbc;
  private final StatisticsCatalogue statistics;

  OwnChangeListRepository(JdbcClient jdbc, StatisticsCatalogue statistics) {
    this.jdbc = jdbc;
    this.statistics = statistics;
  }

  List<Changes.Change> list(long corporationId, OffsetDateTime since, int limit) {
    return jdbc.sql(
            """
            SELECT o.detected_at, o.kind, o.measure_id, m.title, c.type, c.code, c.name, o.detail,
                   o.year_from, o.state_from, o.year_to, o.state_to, o.value_to, o.threshold,
                   (SELECT k.code FROM corporation k WHERE k.id = o.corporation_id)
              FROM own_change o
              LEFT JOIN planned_measure m ON m.id = o.measure_id
              LEFT JOIN stock_cluster c ON c.id = o.cluster_id
             WHERE o.corporation_id = :c AND o.detected_at >= :since
             ORDER BY o.detected_at DESC, o.id DESC LIMIT :limit""")
        .param("c", corporationId)
        .param("since", since)
        .param("limit", limit)
        .query(
            (rs, n) -> {
              OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
              String detail = rs.getString(8);
              Integer yearFrom = (Integer) rs.getObject(9, Integer.class);
              Integer yearTo = (Integer) rs.getObject(11, Integer.class);
              // links name the corporation: its staff may be working on another one
              String corp =
                  java.net.URLEncoder.encode(
                      rs.getString(15), java.nio.charset.StandardCharsets.UTF_8);
              if ("target".equals(rs.getString(2))) {
                long id = rs.getLong(3);
                return new Changes.Change(
                    at,
                    "target",
                    Long.toString(id),
                    rs.getString(4),
                    "/maatregelen/" + id + "?corporation=" + corp,
                    detail,
                    Text.msg("changes.target", "indicator", indicator(detail)),
                    yearFrom,
                    Text.msg("targets.status." + rs.getString(10)),
                    yearTo,
                    Text.msg("targets.status." + rs.getString(12)));
              }
              String type = rs.getString(5);
              String code = rs.getString(6);
              double value = rs.getDouble(13);
              double threshold = rs.getDouble(14);
              return new Changes.Change(
                  at,
                  "signal",
                  code,
                  rs.getString(7) == null || rs.getString(7).isBlank() ? code : rs.getString(7),
                  "/voorraad/"
                      + UriUtils.encodePathSegment(type, java.nio.charset.StandardCharsets.UTF_8)
                      + "/"
                      + UriUtils.encodePathSegment(code, java.nio.charset.StandardCharsets.UTF_8)
                      + "?corporation="
                      + corp,
                  detail,
                  SignalThresholds.TURNOVER.equals(detail)
                      ? Text.msg("changes.signal.turnover")
                      : Text.msg("changes.signal", "type", detail),
                  yearFrom,
                  Text.msg("changes.signal." + rs.getString(10)),
                  yearTo,
                  Text.msg(
                      "changes.signal." + rs.getString(12) + ".value",
                      "value",
                      Text.grouped(value, 1),
                      "threshold",
                      Text.grouped(threshold, 1)));
            })
        .list();
  }

  private Text indicator(String id) {
    return statistics.find(id).map(i -> Text.of(i.labelNl(), i.labelEn())).orElse(Text.plain(id));
  }
}
