package nl.veerkracht.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that sends an API token ({@code Authorization: Bearer vkt_…}) as the token's
 * account, for this request only (no session); an unknown or revoked token answers 401. Other
 * Bearer values (an atelier participant's token) pass untouched.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final AppUserDetailsService users;

  ApiTokenFilter(ApiTokens tokens, AppUserDetailsService users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String h = request.getHeader("Authorization");
    if (h == null
        || !h.regionMatches(
            true, 0, "Bearer " + ApiTokens.PREFIX, 0, 7 + ApiTokens.PREFIX.length())) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> username = tokens.authenticate(h.substring(7).trim());
    UserDetails user = username.isEmpty() ? null : users.loadUserByUsername(username.get());
    if (user == null || !user.isEnabled() || !user.isAccountNonLocked()) {
      SecurityConfiguration.answer401(
          request,
          response,
          new org.springframework.security.authentication.BadCredentialsException("token"),
          null);
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
