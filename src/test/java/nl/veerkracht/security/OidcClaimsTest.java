package nl.veerkracht.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OidcClaimsTest {

  @Test
  void defaultsAndOwnNames() {
    OidcClaims defaults = new OidcClaims(null, null, null, null);
    assertThat(defaults.usernameClaim()).isEqualTo("preferred_username");
    assertThat(defaults.corporationClaim()).isEqualTo("veerkracht_corporation");
    assertThat(defaults.roleClaim()).isEqualTo("veerkracht_role");
    assertThat(defaults.organisationClaim()).isEqualTo("veerkracht_organisation");
    assertThat(new OidcClaims(" email ", null, "https://example.org/role", null))
        .extracting(OidcClaims::usernameClaim, OidcClaims::roleClaim)
        .containsExactly("email", "https://example.org/role");
  }

  @Test
  void anEmptyOrOddClaimNameStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> new OidcClaims(null, " ", null, null))
        .hasMessageContaining("veerkracht.oidc.corporation-claim = ''");
    assertThatThrownBy(() -> new OidcClaims(null, null, "role claim", null))
        .hasMessageContaining("veerkracht.oidc.role-claim = 'role claim'");
  }
}
