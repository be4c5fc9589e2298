package nl.veerkracht.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their memberships of corporations. */
@Service
public class UserAccounts {

  /** An account as shown to administrators (no password hash). */
  public record Account(
      long id,
      String username,
      String displayName,
      boolean administrator,
      boolean enabled,
      boolean dataSteward,
      String organisation) {}

  private final AccountRepository accounts;
  private final PasswordEncoder passwordEncoder;

  public UserAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder) {
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
  }

  public long count() {
    return accounts.count();
  }

  /**
   * At least 8 characters, and at most 72 bytes in UTF-8: BCrypt reads no further and refuses
   * longer input.
   */
  public static boolean acceptablePassword(String password) {
    return password != null
        && password.length() >= 8
        && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 72;
  }

  @Transactional
  public long create(
      String username, String rawPassword, String displayName, boolean administrator) {
    if (!acceptablePassword(rawPassword)) {
      throw new IllegalArgumentException("A password needs 8 characters to 72 bytes");
    }
    return accounts.insert(
        username, passwordEncoder.encode(rawPassword), displayName, administrator);
  }

  /**
   * Creates the first administrator unless any account exists. Two servers that start together on
   * one database both try; the unique username lets exactly one of them succeed and the other
   * learns it with {@code false} instead of failing its start.
   */
  @Transactional
  public boolean createFirstAdministrator(String username, String rawPassword, String displayName) {
    if (!acceptablePassword(rawPassword)) {
      throw new IllegalArgumentException("A password needs 8 characters to 72 bytes");
    }
    return accounts.insertFirstAdministrator(
        username, passwordEncoder.encode(rawPassword), displayName);
  }

  /** Lets the account write public data (or not). */
  public void setDataSteward(long userId, boolean steward) {
    accounts.setDataSteward(userId, steward);
  }

  /** Makes the account a partner of this organisation (no corporation's staff). */
  public void setOrganisation(long userId, long organisationId) {
    accounts.setOrganisation(userId, organisationId);
  }

  public Optional<Account> findByUsername(String username) {
    return accounts.find(username);
  }

  public List<Account> list() {
    return accounts.list();
  }

  /** Makes the user staff of the corporation with this role (replacing an earlier role). */
  @Transactional
  public void grant(long userId, long corporationId, Membership.Role role) {
    accounts.grant(userId, corporationId, role);
  }

  /** Whether the account must choose a new password before it does anything else. */
  public boolean mustChangePassword(String username) {
    return accounts.mustChangePassword(username);
  }

  /** Marks an account to change its password at its next sign-in. */
  public void requirePasswordChange(long userId) {
    accounts.requirePasswordChange(userId);
  }

  /**
   * Changes the caller's own password after checking the current one.
   *
   * @throws nl.veerkracht.common.InvalidInputException when the current password is wrong, the new
   *     one is not acceptable, the two new ones differ or the new one equals the current one
   */
  @Transactional
  public void changeOwnPassword(String username, String current, String chosen, String repeated) {
    String hash = accounts.passwordHash(username).orElse(null);
    if (hash == null || current == null || !passwordEncoder.matches(current, hash)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.wrong"));
    }
    if (!acceptablePassword(chosen)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.weak"));
    }
    if (!chosen.equals(repeated)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.differ"));
    }
    if (chosen.equals(current)) {
      throw new nl.veerkracht.common.InvalidInputException(
          nl.veerkracht.common.Text.msg("account.password.same"));
    }
    accounts.setOwnPassword(username, passwordEncoder.encode(chosen));
  }

  /** Makes this user staff of the corporation in this role (nothing when it already is). */
  public void grant(String username, long corporationId, Membership.Role role) {
    accounts.grant(username, corporationId, role);
  }

  /**
   * Grants every administrator this role in the corporation (used for a corporation they create).
   */
  @Transactional
  public void grantAdministrators(long corporationId, Membership.Role role) {
    accounts.grantAdministrators(corporationId, role);
  }
}
