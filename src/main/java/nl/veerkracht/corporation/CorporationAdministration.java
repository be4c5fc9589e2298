package nl.veerkracht.corporation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.security.UserAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and listing corporations: the same rules, and the same access checks, for the admin page
 * and the API.
 */
@Service
public class CorporationAdministration {

  private final CorporationRepository corporations;
  private final CurrentUser currentUser;
  private final UserAccounts accounts;

  private final nl.veerkracht.audit.AuditLog audit;

  public CorporationAdministration(
      CorporationRepository corporations,
      CurrentUser currentUser,
      UserAccounts accounts,
      nl.veerkracht.audit.AuditLog audit) {
    this.corporations = corporations;
    this.currentUser = currentUser;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** Creates a corporation as asked over the API (administrators only; code and name needed). */
  public Corporation create(NewCorporation body) {
    currentUser.requireAdministrator();
    if (body == null || body.code() == null || body.name() == null) {
      throw new InvalidInputException(Text.msg("error.corporation.codeAndName"));
    }
    return create(body.code(), body.name(), body.joins());
  }

  /**
   * Creates a corporation. The administrator who makes it becomes its analyst only when asked
   * ({@code join}): an administrator runs the server, and is no corporation's staff by default.
   *
   * @throws InvalidInputException for a bad or taken code or a bad name
   */
  @Transactional
  public Corporation create(String rawCode, String rawName, boolean join) {
    currentUser.requireAdministrator();
    String code = rawCode == null ? "" : rawCode.trim().toUpperCase(Locale.ROOT);
    String name = rawName == null ? "" : rawName.strip();
    if (!code.matches("[A-Z0-9][A-Z0-9_-]{1,31}")) {
      throw new InvalidInputException(
          Text.msg("admin.error.corporationCode", "code", rawCode == null ? "" : rawCode));
    }
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidInputException(Text.msg("admin.error.corporationName"));
    }
    if (corporations.findByCode(code).isPresent()) {
      throw new InvalidInputException(Text.msg("admin.error.corporationExists", "code", code));
    }
    Corporation created = corporations.create(code, name, false);
    if (join) {
      currentUser
          .findUsername()
          .ifPresent(u -> accounts.grant(u, created.id(), Membership.Role.ANALYST));
    }
    audit.record(
        "corporation.create", created.id(), code, java.util.Map.of("name", name, "joined", join));
    return created;
  }

  /** The corporations the caller may see: all for an administrator, otherwise their own. */
  public List<Corporation> visible() {
    if (currentUser.isAdministrator()) {
      return corporations.list();
    }
    Set<Long> mine =
        currentUser.memberships().stream()
            .map(Membership::corporationId)
            .collect(Collectors.toSet());
    return corporations.list().stream().filter(c -> mine.contains(c.id())).toList();
  }

  /** Every corporation with its counts, for the administrator's page. */
  public List<CorporationRepository.Overview> overview() {
    currentUser.requireAdministrator();
    return corporations.overview();
  }
}
