package nl.veerkracht.security;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.Text;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The logged-in staff member of the current request and the corporations they belong to. Every
 * service that touches a corporation's own data asks this class first; nothing else decides which
 * corporation a request may see.
 */
@Service
public class CurrentUser {

  private static final String CHOSEN = "veerkracht.corporation";

  private final AccountRepository accounts;

  public CurrentUser(AccountRepository accounts) {
    this.accounts = accounts;
  }

  /** The username, or empty for an anonymous request. */
  public Optional<String> findUsername() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(auth.getName());
  }

  /**
   * The caller's full name as the administrator entered it, else the user name: what a document
   * says of who approved it ("Marieke Visser", not "m.visser").
   */
  public String displayName() {
    String username = findUsername().orElseThrow();
    return accounts.displayName(username).orElse(username);
  }

  public boolean isAdministrator() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return findUsername().isPresent()
        && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
  }

  /**
   * The caller's memberships, read once per request (the scope filter and every service check of
   * the same request share them).
   */
  public List<Membership> memberships() {
    Optional<String> username = findUsername();
    if (username.isEmpty()) {
      return List.of();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      String key = MEMBERSHIPS + username.get();
      if (a.getRequest().getAttribute(key) instanceof MembershipList cached) {
        return cached.memberships();
      }
      List<Membership> read = membershipsOf(username.get());
      a.getRequest().setAttribute(key, new MembershipList(read));
      return read;
    }
    return membershipsOf(username.get());
  }

  /** The request attribute holding the memberships read for it. */
  private record MembershipList(List<Membership> memberships) {}

  private static final String MEMBERSHIPS = "veerkracht.memberships.";

  public List<Membership> membershipsOf(String username) {
    return accounts.memberships(username);
  }

  /**
   * The caller's membership of this corporation.
   *
   * @throws ForbiddenException when the caller is not its staff (also when it does not exist, so
   *     the answer reveals nothing)
   */
  public Membership requireStaff(String corporationCode) {
    return memberships().stream()
        .filter(m -> m.corporationCode().equalsIgnoreCase(corporationCode))
        .findFirst()
        .orElseThrow(() -> notStaffOf(corporationCode));
  }

  /** Like {@link #requireStaff(String)}; without a code, the corporation the caller works on. */
  public Membership requireStaffOrDefault(String corporationCode) {
    if (corporationCode == null || corporationCode.isBlank()) {
      return findDefaultMembership()
          .orElseThrow(() -> new ForbiddenException(Text.msg("error.security.notStaff")));
    }
    return requireStaff(corporationCode);
  }

  public Membership requireStaff(long corporationId) {
    return memberships().stream()
        .filter(m -> m.corporationId() == corporationId)
        .findFirst()
        .orElseThrow(() -> notStaffOf("#" + corporationId));
  }

  /** Like {@link #requireStaff(String)}, and the role must allow imports. */
  public Membership requireAnalyst(String corporationCode) {
    Membership m = requireStaff(corporationCode);
    if (!m.role().canImport()) {
      throw new ForbiddenException(
          Text.msg("error.security.importRole", "corporation", String.valueOf(corporationCode)));
    }
    return m;
  }

  /**
   * The corporation used when a page names none: the one the user chose last in this session (on
   * the stock page, the map or a profile), else the first they belong to.
   */
  public Optional<Membership> findDefaultMembership() {
    List<Membership> all = memberships();
    Object chosen = sessionAttribute();
    return all.stream()
        .filter(m -> m.corporationCode().equals(chosen))
        .findFirst()
        .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(0)));
  }

  /**
   * Remembers the corporation the user works on in this session, when they are its staff; pages
   * that name no corporation (the map's complexes, area profiles) follow this choice.
   */
  public void choose(String corporationCode) {
    if (corporationCode == null
        || memberships().stream().noneMatch(m -> m.corporationCode().equals(corporationCode))) {
      return;
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      a.getRequest().getSession(true).setAttribute(CHOSEN, corporationCode);
    }
  }

  private static Object sessionAttribute() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
      HttpSession session = a.getRequest().getSession(false);
      return session == null ? null : session.getAttribute(CHOSEN);
    }
    return null;
  }

  private static ForbiddenException notStaffOf(String corporation) {
    return new ForbiddenException(
        Text.msg("error.security.notStaffOf", "corporation", String.valueOf(corporation)));
  }

  public void requireAdministrator() {
    if (!isAdministrator()) {
      throw new ForbiddenException(Text.msg("error.security.adminOnly"));
    }
  }

  /** The authority of partner accounts (staff of an organisation, not of a corporation). */
  public static final String PARTNER = "ROLE_PARTNER";

  /** The authority of accounts an administrator made data steward. */
  public static final String DATA_STEWARD = "ROLE_DATA_STEWARD";

  /**
   * Public data is shared by every corporation on the server: administrators and data stewards
   * write it, not every corporation's analyst.
   */
  public void requirePublicDataWriter() {
    if (!isPublicDataWriter()) {
      throw new ForbiddenException(Text.msg("error.security.publicData"));
    }
  }

  public boolean isPublicDataWriter() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return findUsername().isPresent()
        && auth.getAuthorities().stream()
            .anyMatch(
                a ->
                    a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals(DATA_STEWARD));
  }
}
