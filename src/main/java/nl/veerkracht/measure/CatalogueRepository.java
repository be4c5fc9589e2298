package nl.veerkracht.measure;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** The rows of {@code measure_catalogue}, per corporation. {@link Catalogue} holds the rules. */
@Repository
class CatalogueRepository {

  private static final String COLUMNS =
      "lever, title, description, cost_kind, amount_euro, duration_years, partners, indicators";

  private final JdbcClient jdbc;

  CatalogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int count(long corporationId) {
    return jdbc.sql("SELECT count(*) FROM measure_catalogue WHERE corporation_id = :c")
        .param("c", corporationId)
        .query(Integer.class)
        .single();
  }

  /** The corporation's entries, ordered by lever (in the order given) and title. */
  List<Catalogue.Item> list(long corporationId, List<String> leverOrder) {
    return jdbc.sql(
            "SELECT id, "
                + COLUMNS
                + """
                 FROM measure_catalogue WHERE corporation_id = :c
                ORDER BY array_position(CAST(:levers AS text[]), lever), title
                """)
        .param("c", corporationId)
        .param("levers", leverOrder.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Catalogue.Item(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    rs.getInt(7),
                    rs.getString(8),
                    List.of((String[]) rs.getArray(9).getArray())))
        .list();
  }

  /** Adds an entry; its id, or empty when the corporation has an entry of that title. */
  Optional<Long> insert(long corporationId, Catalogue.Item i) {
    return values(
            jdbc.sql(
                "INSERT INTO measure_catalogue (corporation_id, "
                    + COLUMNS
                    + """
                    ) VALUES (:c, :lever, :title, :description, :kind, :amount, :years,
                              :partners, :indicators)
                    ON CONFLICT (corporation_id, title) DO NOTHING RETURNING id
                    """),
            corporationId,
            i)
        .query(Long.class)
        .optional();
  }

  /** Changes one of the corporation's entries; false when it has no entry of that id. */
  boolean update(long corporationId, long id, Catalogue.Item i) {
    return values(
                jdbc.sql(
                    """
                    UPDATE measure_catalogue
                       SET lever = :lever, title = :title, description = :description,
                           cost_kind = :kind, amount_euro = :amount, duration_years = :years,
                           partners = :partners, indicators = :indicators
                     WHERE corporation_id = :c AND id = :id
                    """),
                corporationId,
                i)
            .param("id", id)
            .update()
        > 0;
  }

  private static StatementSpec values(StatementSpec s, long corporationId, Catalogue.Item i) {
    return s.param("c", corporationId)
        .param("lever", i.lever())
        .param("title", i.title())
        .param("description", i.description())
        .param("kind", i.costKind())
        .param("amount", i.amountEuro())
        .param("years", i.durationYears())
        .param("partners", i.partners())
        .param("indicators", i.indicators().toArray(String[]::new));
  }
}
