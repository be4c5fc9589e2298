package nl.veerkracht.statistics;

import java.util.List;
import java.util.Optional;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code indicator} table: the shipped catalogue plus source-named and derived indicators. */
@Repository
public class IndicatorRepository {

  private static final RowMapper<Indicator> ROW =
      (rs, n) ->
          new Indicator(
              rs.getString("id"),
              rs.getString("label_nl"),
              rs.getString("label_en"),
              rs.getString("unit"),
              rs.getString("source"),
              (Boolean) rs.getObject("higher_is_worse"),
              rs.getString("category"),
              rs.getInt("decimals"),
              rs.getString("description"),
              rs.getString("origin"));

  private final JdbcClient jdbc;

  public IndicatorRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the shipped catalogue (and derived indicators) so labels follow the code. */
  @Transactional
  public void synchronise(IndicatorCatalogue catalogue) {
    for (Indicator i : catalogue.list()) {
      upsert(i);
    }
  }

  public void upsert(Indicator i) {
    jdbc.sql(
            """
            INSERT INTO indicator (id, label_nl, label_en, unit, source, higher_is_worse, category, decimals, description, origin)
            VALUES (:id, :nl, :en, :unit, :source, :hiw, :category, :decimals, :description, :origin)
            ON CONFLICT (id) DO UPDATE SET label_nl = excluded.label_nl, label_en = excluded.label_en,
              unit = excluded.unit, source = excluded.source, higher_is_worse = excluded.higher_is_worse,
              category = excluded.category, decimals = excluded.decimals, description = excluded.description,
              origin = excluded.origin
            WHERE (indicator.label_nl, indicator.label_en, indicator.unit, indicator.source, indicator.higher_is_worse,
                   indicator.category, indicator.decimals, indicator.description, indicator.origin)
               IS DISTINCT FROM (excluded.label_nl, excluded.label_en, excluded.unit, excluded.source,
                   excluded.higher_is_worse, excluded.category, excluded.decimals, excluded.description, excluded.origin)
            """)
        .param("id", i.id())
        .param("nl", i.labelNl())
        .param("en", i.labelEn())
        .param("unit", i.unit() == null ? "" : i.unit())
        .param("source", i.source())
        .param("hiw", i.higherIsWorse())
        .param("category", i.category())
        .param("decimals", i.decimals())
        .param("description", i.description())
        .param("origin", i.origin())
        .update();
  }

  /**
   * Adds an indicator a file brought, unless one with that id exists (catalogue labels win).
   *
   * @return true when it was added
   */
  public boolean addIfAbsent(Indicator i) {
    return jdbc.sql(
                """
                INSERT INTO indicator (id, label_nl, label_en, unit, source, higher_is_worse, category, decimals, description, origin)
                VALUES (:id, :nl, :en, :unit, :source, :hiw, :category, :decimals, :description, :origin)
                ON CONFLICT (id) DO NOTHING
                """)
            .param("id", i.id())
            .param("nl", i.labelNl())
            .param("en", i.labelEn())
            .param("unit", i.unit() == null ? "" : i.unit())
            .param("source", i.source())
            .param("hiw", i.higherIsWorse())
            .param("category", i.category())
            .param("decimals", i.decimals())
            .param("description", i.description())
            .param("origin", i.origin())
            .update()
        > 0;
  }

  public List<Indicator> list() {
    return jdbc.sql("SELECT * FROM indicator ORDER BY origin, category, id").query(ROW).list();
  }

  public Optional<Indicator> find(String id) {
    return jdbc.sql("SELECT * FROM indicator WHERE id = :id").param("id", id).query(ROW).optional();
  }
}
