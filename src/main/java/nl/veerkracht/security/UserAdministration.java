package nl.veerkracht.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and memberships as administrators manage them, with the same rules for the admin page
 * and the API. Every method checks that the caller is an administrator.
 */
@Service
public class UserAdministration {

  private final UserAccounts accounts;
  private final CurrentUser currentUser;
  private final AccountRepository rows;

  private final nl.veerkracht.audit.AuditLog audit;
  private final Organisations organisations;

  public UserAdministration(
      UserAccounts accounts,
      CurrentUser currentUser,
      AccountRepository rows,
      nl.veerkracht.audit.AuditLog audit,
      Organisations organisations) {
    this.organisations = organisations;
    this.accounts = accounts;
    this.currentUser = currentUser;
    this.rows = rows;
    this.audit = audit;
  }

  /** Every account with its memberships. */
  public List<UserView> list() {
    currentUser.requireAdministrator();
    return accounts.list().stream()
        .map(
            a ->
                new UserView(
                    a.username(),
                    a.displayName(),
                    a.administrator(),
                    a.enabled(),
                    currentUser.membershipsOf(a.username()),
                    a.dataSteward(),
                    a.organisation()))
        .toList();
  }

  /**
   * Creates an account with its roles, all or nothing.
   *
   * @throws InvalidInputException for a bad or taken username, a short password, an unknown
   *     corporation or role
   */
  @Transactional
  public UserView create(NewUser body) {
    currentUser.requireAdministrator();
    if (body == null
        || body.username() == null
        || !body.username().matches("[A-Za-z0-9._@-]{2,64}")) {
      throw new InvalidInputException(Text.msg("admin.error.username"));
    }
    if (!UserAccounts.acceptablePassword(body.password())) {
      throw new InvalidInputException(Text.msg("admin.error.password"));
    }
    if (accounts.findByUsername(body.username()).isPresent()) {
      throw new InvalidInputException(
          Text.msg("admin.error.userExists", "username", body.username()));
    }
    String displayName = body.displayName() == null ? null : body.displayName().strip();
    if (displayName != null && displayName.length() > 200) {
      throw new InvalidInputException(Text.msg("admin.error.displayName"));
    }
    Organisations.Organisation organisation = partnerOf(body);
    long id =
        accounts.create(
            body.username(),
            body.password(),
            displayName == null || displayName.isEmpty() ? null : displayName,
            Boolean.TRUE.equals(body.administrator()));
    if (Boolean.TRUE.equals(body.dataSteward())) {
      accounts.setDataSteward(id, true);
    }
    if (Boolean.TRUE.equals(body.mustChangePassword())) {
      accounts.requirePasswordChange(id);
    }
    if (organisation != null) {
      accounts.setOrganisation(id, organisation.id());
    }
    for (NewMembership m :
        body.memberships() == null ? List.<NewMembership>of() : body.memberships()) {
      if (m == null) {
        throw new InvalidInputException(Text.msg("admin.error.noCorporation", "code", ""));
      }
      accounts.grant(id, corporationId(m.corporation()), role(m.role()));
    }
    UserView made = view(body.username());
    audit.record(
        "user.create",
        null,
        body.username(),
        Map.of(
            "administrator", made.administrator(),
            "dataSteward", made.dataSteward(),
            "organisation", String.valueOf(made.organisation()),
            "memberships",
                made.memberships().stream()
                    .map(m -> m.corporationCode() + ":" + m.role())
                    .toList()));
    return made;
  }

  /** Gives the user this role in the corporation (replacing an earlier role there). */
  @Transactional
  public UserView grant(String username, String corporation, String role) {
    currentUser.requireAdministrator();
    long corporationId = corporationId(corporation);
    Membership.Role r = role(role);
    UserAccounts.Account a = account(username);
    if (a.organisation() != null) {
      throw new InvalidInputException(Text.msg("admin.error.partnerStaff"));
    }
    accounts.grant(a.id(), corporationId, r);
    audit.record("membership.grant", corporationId, username, Map.of("role", r.name()));
    return view(username);
  }

  /** Takes the user's role in the corporation away. */
  @Transactional
  public UserView revoke(String username, String corporation) {
    currentUser.requireAdministrator();
    long corporationId = corporationId(corporation);
    rows.revoke(account(username).id(), corporationId);
    audit.record("membership.revoke", corporationId, username, null);
    return view(username);
  }

  /** Lets the user log in again, or stops that; an administrator cannot lock themselves out. */
  @Transactional
  public UserView setEnabled(String username, boolean enabled) {
    currentUser.requireAdministrator();
    UserAccounts.Account a = account(username);
    if (!enabled && currentUser.findUsername().map(a.username()::equals).orElse(false)) {
      throw new InvalidInputException(Text.msg("admin.error.self"));
    }
    rows.setEnabled(a.id(), enabled);
    audit.record("user.enabled", null, username, Map.of("enabled", enabled));
    return view(username);
  }

  /** Lets the account write the public data every corporation sees (or takes that away). */
  @Transactional
  public UserView setDataSteward(String username, boolean steward) {
    currentUser.requireAdministrator();
    UserAccounts.Account a = account(username);
    if (steward && a.organisation() != null) {
      throw new InvalidInputException(Text.msg("admin.error.partnerStaff"));
    }
    accounts.setDataSteward(a.id(), steward);
    audit.record("user.data-steward", null, username, Map.of("dataSteward", steward));
    return view(username);
  }

  private UserView view(String username) {
    UserAccounts.Account a = account(username);
    return new UserView(
        a.username(),
        a.displayName(),
        a.administrator(),
        a.enabled(),
        currentUser.membershipsOf(a.username()),
        a.dataSteward(),
        a.organisation());
  }

  /**
   * The organisation a new partner account belongs to, or null for staff.
   *
   * @throws InvalidInputException for an unknown organisation, or a partner account that would also
   *     be staff, administrator or data steward
   */
  private Organisations.Organisation partnerOf(NewUser body) {
    if (body.organisation() == null || body.organisation().isBlank()) {
      return null;
    }
    if (Boolean.TRUE.equals(body.administrator())
        || Boolean.TRUE.equals(body.dataSteward())
        || (body.memberships() != null && !body.memberships().isEmpty())) {
      throw new InvalidInputException(Text.msg("admin.error.partnerStaff"));
    }
    return organisations
        .find(body.organisation())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    Text.msg("admin.error.noOrganisation", "code", body.organisation().trim())));
  }

  private UserAccounts.Account account(String username) {
    return accounts
        .findByUsername(username == null ? "" : username)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    Text.msg("admin.error.noUser", "username", String.valueOf(username))));
  }

  private long corporationId(String code) {
    String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    return rows.corporationId(c)
        .orElseThrow(
            () -> new InvalidInputException(Text.msg("admin.error.noCorporation", "code", c)));
  }

  private static Membership.Role role(String role) {
    try {
      return Membership.Role.valueOf(String.valueOf(role).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(Text.msg("admin.error.role", "role", String.valueOf(role)));
    }
  }
}
