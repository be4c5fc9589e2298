package nl.veerkracht.corporation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CorporationRepository {

  private static final RowMapper<Corporation> ROW =
      (rs, n) ->
          new Corporation(
              rs.getLong("id"),
              rs.getString("code"),
              rs.getString("name"),
              rs.getBoolean("synthetic"),
              rs.getString("complex_cluster_type"));

  private final JdbcClient jdbc;

  public CorporationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Corporation> list() {
    return jdbc.sql("SELECT * FROM corporation ORDER BY code").query(ROW).list();
  }

  public Optional<Corporation> findByCode(String code) {
    return jdbc.sql("SELECT * FROM corporation WHERE code = :code")
        .param("code", code)
        .query(ROW)
        .optional();
  }

  public Optional<Corporation> findById(long id) {
    return jdbc.sql("SELECT * FROM corporation WHERE id = :id")
        .param("id", id)
        .query(ROW)
        .optional();
  }

  /** A corporation with how many units and staff it has, for the admin page. */
  public record Overview(Corporation corporation, long units, long staff) {}

  public List<Overview> overview() {
    return jdbc.sql(
            """
            SELECT c.*,
                   (SELECT count(*) FROM stock_unit u WHERE u.corporation_id = c.id) AS units,
                   (SELECT count(*) FROM membership m WHERE m.corporation_id = c.id) AS staff
              FROM corporation c ORDER BY c.name
            """)
        .query((rs, n) -> new Overview(ROW.mapRow(rs, n), rs.getLong("units"), rs.getLong("staff")))
        .list();
  }

  public Corporation create(String code, String name, boolean synthetic) {
    return jdbc.sql(
            """
            INSERT INTO corporation (code, name, synthetic) VALUES (:code, :name, :synthetic)
            RETURNING *
            """)
        .param("code", code)
        .param("name", name)
        .param("synthetic", synthetic)
        .query(ROW)
        .single();
  }
}
