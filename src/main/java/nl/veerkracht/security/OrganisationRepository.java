package nl.veerkracht.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code organisation}. {@link Organisations} holds the rules. */
@Repository
class OrganisationRepository {

  private static final String COLUMNS = "SELECT o.id, o.code, o.name, o.kind FROM organisation o";

  private static final RowMapper<Organisations.Organisation> ROW =
      (rs, n) ->
          new Organisations.Organisation(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              Organisations.Kind.valueOf(rs.getString(4)));

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Organisations.Organisation> list() {
    return jdbc.sql(COLUMNS + " ORDER BY o.name, o.code").query(ROW).list();
  }

  Optional<Organisations.Organisation> find(String code) {
    return jdbc.sql(COLUMNS + " WHERE o.code = :code").param("code", code).query(ROW).optional();
  }

  Optional<Organisations.Organisation> find(long id) {
    return jdbc.sql(COLUMNS + " WHERE o.id = :id").param("id", id).query(ROW).optional();
  }

  long insert(String code, String name, Organisations.Kind kind) {
    return jdbc.sql(
            "INSERT INTO organisation (code, name, kind) VALUES (:code, :name, :kind) RETURNING id")
        .param("code", code)
        .param("name", name)
        .param("kind", kind.name())
        .query(Long.class)
        .single();
  }

  /** The organisation an enabled partner account belongs to. */
  Optional<Organisations.Organisation> ofAccount(String username) {
    return jdbc.sql(
            COLUMNS
                + """
                 JOIN app_user u ON u.organisation_id = o.id
                WHERE u.username = :name AND u.enabled
                """)
        .param("name", username)
        .query(ROW)
        .optional();
  }
}
