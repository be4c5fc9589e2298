package nl.veerkracht.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on through OpenID Connect (Microsoft Entra ID, Keycloak, ...), set up by
 * configuration only ({@code spring.security.oauth2.client.registration.*}). At each sign-in the
 * account is made or updated from the provider's claims: the name from {@code
 * veerkracht.oidc.username-claim} (default {@code preferred_username}), the corporation codes from
 * {@code veerkracht.oidc.corporation-claim} ({@code veerkracht_corporation}) and the role there
 * from {@code veerkracht.oidc.role-claim} ({@code veerkracht_role}: ANALYST, FACILITATOR, MANAGER,
 * VIEWER). The provider is the source of truth for those memberships. A local account of the same
 * name is never taken over: that sign-in is refused.
 */
@Component
public class OidcAccounts extends OidcUserService {

  private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

  private final AccountRepository accounts;
  private final PasswordEncoder passwords;
  private final String usernameClaim;
  private final String corporationClaim;
  private final String organisationClaim;
  private final String roleClaim;

  public OidcAccounts(AccountRepository accounts, PasswordEncoder passwords, OidcClaims claims) {
    this.organisationClaim = claims.organisationClaim();
    this.accounts = accounts;
    this.passwords = passwords;
    this.usernameClaim = claims.usernameClaim();
    this.corporationClaim = claims.corporationClaim();
    this.roleClaim = claims.roleClaim();
  }

  @Override
  @Transactional
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = super.loadUser(request);
    String subject = request.getIdToken().getIssuer() + "|" + user.getSubject();
    String username = username(user, subject);
    long id = account(username, subject);
    Membership.Role role = role(user.getClaimAsString(roleClaim));
    accounts.revokeAll(id);
    // a known organisation in its claim makes the account a partner of it, and no staff
    Long organisation = organisation(user.getClaimAsString(organisationClaim));
    accounts.setOrganisation(id, organisation);
    for (String code : organisation != null ? List.<String>of() : corporations(user)) {
      if (!accounts.grantByCode(id, code, role)) {
        log.warn(
            "Sign-in of {}: the provider names corporation {}, which is unknown here",
            username,
            code);
      }
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(
        new SimpleGrantedAuthority(organisation != null ? CurrentUser.PARTNER : "ROLE_STAFF"));
    return new Named(authorities, user, username);
  }

  private Long organisation(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return accounts.organisationId(code.trim().toUpperCase(java.util.Locale.ROOT)).orElse(null);
  }

  private String username(OidcUser user, String subject) {
    String claimed = user.getClaimAsString(usernameClaim);
    if (claimed != null && claimed.matches("[A-Za-z0-9._@-]{2,64}")) {
      return claimed;
    }
    return "oidc-" + sha256(subject).substring(0, 16);
  }

  /** The account of this provider's subject; made on its first sign-in. */
  private long account(String username, String subject) {
    Optional<Long> mine = accounts.idOfSubject(subject);
    if (mine.isPresent()) {
      accounts.rename(mine.get(), username);
      requireEnabled(mine.get());
      return mine.get();
    }
    if (accounts.exists(username)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              "account_exists",
              "A local account named "
                  + username
                  + " exists; it cannot be signed in through the identity provider.",
              null));
    }
    // no password works for this account: it signs in through the provider only
    return accounts.insertSignOn(username, passwords.encode(UUID.randomUUID().toString()), subject);
  }

  private void requireEnabled(long id) {
    if (!accounts.enabled(id)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("account_disabled", "This account is disabled.", null));
    }
  }

  private List<String> corporations(OidcUser user) {
    Object claim = user.getClaims().get(corporationClaim);
    List<String> codes = new ArrayList<>();
    if (claim instanceof Collection<?> c) {
      c.forEach(x -> codes.add(String.valueOf(x).trim().toUpperCase(Locale.ROOT)));
    } else if (claim != null) {
      for (String s : String.valueOf(claim).split("[,\\s]+")) {
        if (!s.isBlank()) {
          codes.add(s.trim().toUpperCase(Locale.ROOT));
        }
      }
    }
    return codes;
  }

  private static Membership.Role role(String raw) {
    try {
      return raw == null
          ? Membership.Role.VIEWER
          : Membership.Role.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Membership.Role.VIEWER; // an unknown role reads only
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The provider's user under the name of the Veerkracht account. */
  static final class Named extends DefaultOidcUser {
    private final String name;

    Named(Collection<? extends GrantedAuthority> authorities, OidcUser user, String name) {
      super(authorities, user.getIdToken(), user.getUserInfo());
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
