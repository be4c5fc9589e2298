package nl.veerkracht.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner organisations (a gemeente, a tenants' organisation, the police, a care or welfare
 * organisation). Administrators make them and their partner accounts; corporations share plans and
 * ateliers with them.
 */
@Service
public class Organisations {

  /** Kinds of partner organisation. */
  public enum Kind {
    GEMEENTE,
    /** A tenants' organisation (huurdersorganisatie), a party to prestatieafspraken. */
    HUURDERS,
    POLITIE,
    ZORG,
    WELZIJN,
    OVERIG
  }

  /** An organisation partners belong to. */
  public record Organisation(long id, String code, String name, Kind kind) {}

  private final JdbcClient jdbc;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  public Organisations(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
    this.jdbc = jdbc;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  private static final org.springframework.jdbc.core.RowMapper<Organisation> ROW =
      (rs, n) ->
          new Organisation(
              rs.getLong(1), rs.getString(2), rs.getString(3), Kind.valueOf(rs.getString(4)));

  /** Every organisation, by name. */
  public List<Organisation> list() {
    return jdbc.sql("SELECT id, code, name, kind FROM organisation ORDER BY name, code")
        .query(ROW)
        .list();
  }

  public Optional<Organisation> find(String code) {
    return jdbc.sql("SELECT id, code, name, kind FROM organisation WHERE code = ?")
        .param(code == null ? "" : code.trim().toUpperCase(Locale.ROOT))
        .query(ROW)
        .optional();
  }

  public Optional<Organisation> find(long id) {
    return jdbc.sql("SELECT id, code, name, kind FROM organisation WHERE id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  /**
   * Makes an organisation (administrators only).
   *
   * @throws InvalidInputException for a bad or taken code, a bad name or an unknown kind
   */
  @Transactional
  public Organisation create(String code, String name, String kind) {
    currentUser.requireAdministrator();
    String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z0-9_-]{2,20}")) {
      throw new InvalidInputException(Text.msg("admin.error.organisationCode", "code", c));
    }
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new InvalidInputException(Text.msg("admin.error.organisationName"));
    }
    Kind k;
    try {
      k = Kind.valueOf(String.valueOf(kind).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          Text.msg("admin.error.organisationKind", "kind", String.valueOf(kind)));
    }
    if (find(c).isPresent()) {
      throw new InvalidInputException(Text.msg("admin.error.organisationExists", "code", c));
    }
    long id =
        jdbc.sql("INSERT INTO organisation (code, name, kind) VALUES (?, ?, ?) RETURNING id")
            .params(c, n, k.name())
            .query(Long.class)
            .single();
    audit.record("organisation.create", null, c, Map.of("name", n, "kind", k.name()));
    return new Organisation(id, c, n, k);
  }

  /** The organisation of the signed-in partner, or empty for staff and anonymous callers. */
  public Optional<Organisation> ofCaller() {
    return currentUser
        .findUsername()
        .flatMap(
            u ->
                jdbc.sql(
                        "SELECT o.id, o.code, o.name, o.kind FROM organisation o"
                            + " JOIN app_user u ON u.organisation_id = o.id"
                            + " WHERE u.username = ? AND u.enabled")
                    .param(u)
                    .query(ROW)
                    .optional());
  }
}
