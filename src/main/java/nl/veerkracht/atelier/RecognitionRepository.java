package nl.veerkracht.atelier;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the register of what rooms recognised (atelier_card_figure with the answers). */
@Repository
public class RecognitionRepository {

  /** One answer on one figure card, with the value the room judged for one area. */
  public record Row(
      long atelierId,
      String atelierName,
      LocalDate heldOn,
      int year,
      String areaCode,
      String card,
      Integer figureYear,
      Double value,
      String groupKind,
      String answer,
      String remark,
      String remarkMasked,
      boolean remarkApproved) {}

  private final JdbcClient jdbc;

  public RecognitionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps the value each of the atelier's areas has on this card now, once: the first answer on a
   * card fixes what the room judged.
   */
  void snapshot(long atelierId, String card, List<String> areaCodes) {
    jdbc.sql(
            """
            INSERT INTO atelier_card_figure (atelier_id, card, area_code, year, value)
            SELECT :atelier, :card, c.code, f.year, f.value
              FROM unnest(:codes::text[]) AS c(code)
              LEFT JOIN LATERAL (SELECT o.year, o.value FROM figure o
                                  WHERE o.indicator_id = :card AND o.area_code = c.code
                                    AND o.status = 'ok' AND o.value IS NOT NULL
                                  ORDER BY o.year DESC LIMIT 1) f ON true
            ON CONFLICT DO NOTHING
            """)
        .param("atelier", atelierId)
        .param("card", card)
        .param("codes", areaCodes.toArray(String[]::new))
        .update();
  }

  /**
   * Every answer in the register, of ateliers of these corporations (and, when {@code ateliers} is
   * not null, only those ateliers), on one area or (area null) on all; oldest atelier first.
   */
  List<Row> rows(Collection<Long> corporations, Collection<Long> ateliers, String area) {
    return jdbc.sql(
            """
            SELECT a.id, a.name, a.held_on,
                   extract(year FROM coalesce(a.held_on, a.created_at::date))::int,
                   f.area_code, f.card, f.year, f.value, p.group_kind, x.answer, x.remark,
                   x.remark_masked, x.remark_approved
              FROM atelier_card_figure f
              JOIN atelier a ON a.id = f.atelier_id
              JOIN atelier_answer x ON x.atelier_id = f.atelier_id AND x.card = f.card
              JOIN atelier_participant p ON p.id = x.participant_id
             WHERE a.corporation_id = ANY (:corporations)
               AND (:all OR a.id = ANY (:ateliers))
               AND (:area::text IS NULL OR f.area_code = :area)
             ORDER BY coalesce(a.held_on, a.created_at::date), a.id, f.area_code, f.card,
                      x.answered_at, x.participant_id
            """)
        .param("corporations", corporations.toArray(Long[]::new))
        .param("all", ateliers == null)
        .param("ateliers", ateliers == null ? new Long[0] : ateliers.toArray(Long[]::new))
        .param("area", area)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getString(6),
                    (Integer) rs.getObject(7),
                    (Double) rs.getObject(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getBoolean(13)))
        .list();
  }
}
