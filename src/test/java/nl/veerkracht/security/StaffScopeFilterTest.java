package nl.veerkracht.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.veerkracht.database.StaffScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Which requests run scoped to the caller's corporations, and that the scope ends with them. */
class StaffScopeFilterTest {

  /** Staff of corporations 7 and 9. */
  final CurrentUser staffOf7And9 =
      new CurrentUser(null) {
        @Override
        public List<Membership> memberships() {
          return List.of(
              new Membership(7, "A", "A", Membership.Role.VIEWER),
              new Membership(9, "B", "B", Membership.Role.ANALYST));
        }
      };

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
    StaffScope.clear();
  }

  long[] scopeSeenBy(MockHttpServletRequest request, String... authorities) throws Exception {
    if (authorities.length > 0) {
      SecurityContextHolder.getContext()
          .setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  "someone", null, AuthorityUtils.createAuthorityList(authorities)));
    }
    AtomicReference<long[]> seen = new AtomicReference<>();
    new StaffScopeFilter(staffOf7And9)
        .doFilter(
            request, new MockHttpServletResponse(), (req, res) -> seen.set(StaffScope.current()));
    assertThat(StaffScope.current()).as("the scope ends with the request").isNull();
    return seen.get();
  }

  @Test
  void aStaffMembersRequestIsScopedToTheirCorporations() throws Exception {
    assertThat(scopeSeenBy(new MockHttpServletRequest("GET", "/voorraad"), "ROLE_STAFF"))
        .containsExactly(7, 9);
    assertThat(scopeSeenBy(new MockHttpServletRequest("POST", "/api/measures"), "ROLE_STAFF"))
        .containsExactly(7, 9);
  }

  @Test
  void administratorsPartnersAndAnonymousCallersAreNot() throws Exception {
    assertThat(
            scopeSeenBy(new MockHttpServletRequest("GET", "/beheer"), "ROLE_STAFF", "ROLE_ADMIN"))
        .isNull();
    assertThat(scopeSeenBy(new MockHttpServletRequest("GET", "/partner"), "ROLE_PARTNER")).isNull();
    assertThat(scopeSeenBy(new MockHttpServletRequest("GET", "/kaart"))).isNull();
  }

  /**
   * Finding 7 of the second trust review: an atelier cookie or any Bearer header turned the scope
   * off for a staff session. Now it stays; only the atelier's own check of a valid participant
   * token lifts it (AtelierAccess).
   */
  @Test
  void aStaffSessionIsScopedWhateverCookieOrBearerHeaderComesAlong() throws Exception {
    MockHttpServletRequest bearer = new MockHttpServletRequest("GET", "/api/ateliers/1/pins");
    bearer.addHeader("Authorization", "Bearer abc");
    assertThat(scopeSeenBy(bearer, "ROLE_STAFF")).containsExactly(7, 9);
    MockHttpServletRequest cookie = new MockHttpServletRequest("GET", "/voorraad");
    cookie.setCookies(new Cookie("vk_atelier_1", "abc"));
    assertThat(scopeSeenBy(cookie, "ROLE_STAFF")).containsExactly(7, 9);
  }
}
