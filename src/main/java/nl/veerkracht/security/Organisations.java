package nl.veerkracht.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.audit.AuditLog;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
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

  private final OrganisationRepository organisations;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  Organisations(OrganisationRepository organisations, CurrentUser currentUser, AuditLog audit) {
    this.organisations = organisations;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** Every organisation, by name, for administrators (refused for anyone else). */
  public List<Organisation> all() {
    currentUser.requireAdministrator();
    return list();
  }

  /**
   * Every organisation, for staff of a corporation choosing whom to share with or agree with, and
   * for administrators; refused for anyone else (a partner account sees no other organisations).
   */
  public List<Organisation> forStaff() {
    if (currentUser.memberships().isEmpty() && !currentUser.isAdministrator()) {
      throw new ForbiddenException(Text.msg("error.partner.forStaff"));
    }
    return list();
  }

  /** Every organisation, by name. */
  public List<Organisation> list() {
    return organisations.list();
  }

  public Optional<Organisation> find(String code) {
    return organisations.find(code == null ? "" : code.trim().toUpperCase(Locale.ROOT));
  }

  public Optional<Organisation> find(long id) {
    return organisations.find(id);
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
    long id = organisations.insert(c, n, k);
    audit.record("organisation.create", null, c, Map.of("name", n, "kind", k.name()));
    return new Organisation(id, c, n, k);
  }

  /** The organisation of the signed-in partner, or empty for staff and anonymous callers. */
  public Optional<Organisation> ofCaller() {
    return currentUser.findUsername().flatMap(organisations::ofAccount);
  }
}
