package nl.veerkracht.atelier;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import nl.veerkracht.measure.AtelierDecisions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What an atelier decided, read for the planning step ({@link AtelierDecisions}). */
@Repository
public class AtelierDecisionRepository implements AtelierDecisions {

  private final JdbcClient jdbc;

  public AtelierDecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Decision> find(long atelierMeasureId) {
    return jdbc.sql(
            """
            WITH totals AS (
              SELECT m.id, m.problem_area_id, coalesce(sum(v.votes), 0) AS votes
                FROM atelier_measure m LEFT JOIN atelier_vote v ON v.measure_id = m.id
               WHERE m.problem_area_id = (SELECT problem_area_id FROM atelier_measure WHERE id = :id)
               GROUP BY m.id, m.problem_area_id),
            ranked AS (SELECT id, votes, rank() OVER (ORDER BY votes DESC) AS rank FROM totals)
            SELECT m.id, a.id, a.corporation_id, a.name, a.held_on, pa.id, pa.name, m.title, m.lever,
                   m.description, r.votes, r.rank, cardinality(pa.pin_ids), pa.buurt_codes, pa.complex_codes
              FROM atelier_measure m JOIN atelier a ON a.id = m.atelier_id
              JOIN atelier_problem_area pa ON pa.id = m.problem_area_id
              JOIN ranked r ON r.id = m.id
             WHERE m.id = :id""")
        .param("id", atelierMeasureId)
        .query(
            (rs, n) ->
                new Decision(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getLong(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getInt(11),
                    rs.getInt(12),
                    rs.getInt(13),
                    Arrays.asList((String[]) rs.getArray(14).getArray()),
                    Arrays.asList((String[]) rs.getArray(15).getArray())))
        .optional();
  }
}
