package nl.veerkracht.security;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which claims of the sign-in provider's ID token name the account, its corporation, its role and
 * its partner organisation ({@code veerkracht.oidc.*}), checked at start: a claim name that is
 * empty or holds spaces or other signs stops the start with the key and the value.
 *
 * @param usernameClaim the account's name (default {@code preferred_username})
 * @param corporationClaim the corporation's code (default {@code veerkracht_corporation})
 * @param roleClaim the role in it (default {@code veerkracht_role})
 * @param organisationClaim a partner organisation's code (default {@code veerkracht_organisation})
 */
@ConfigurationProperties("veerkracht.oidc")
public record OidcClaims(
    String usernameClaim, String corporationClaim, String roleClaim, String organisationClaim) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:/-]{1,100}");

  public OidcClaims {
    usernameClaim = check("username-claim", usernameClaim, "preferred_username");
    corporationClaim = check("corporation-claim", corporationClaim, "veerkracht_corporation");
    roleClaim = check("role-claim", roleClaim, "veerkracht_role");
    organisationClaim = check("organisation-claim", organisationClaim, "veerkracht_organisation");
  }

  private static String check(String key, String value, String fallback) {
    String v = value == null ? fallback : value.strip();
    if (!NAME.matcher(v).matches()) {
      throw new IllegalArgumentException(
          "veerkracht.oidc."
              + key
              + " = '"
              + v
              + "' is not allowed: a claim name is 1 to 100 letters, digits or _ . : / -");
    }
    return v;
  }
}
