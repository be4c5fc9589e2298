package nl.veerkracht.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person signed in on a page whose account must change its password (an administrator made it and
 * typed the password) sees only their account page until they have chosen their own: every other
 * page sends them there. Scripts (API calls, Basic or token) are not sent anywhere.
 */
public class PasswordChangeFilter extends OncePerRequestFilter {

  static final String TARGET = "/mijn-account";

  /** The session attribute naming the account known to have chosen its own password. */
  static final String CHOSEN = "vk.passwordChosen";

  private static final List<String> FREE =
      List.of(
          TARGET,
          "/logout",
          "/login",
          "/api/",
          "/css/",
          "/js/",
          "/img/",
          "/webjars/",
          "/actuator",
          "/favicon",
          "/tiles/",
          "/ogc",
          "/error");

  private final UserAccounts accounts;

  public PasswordChangeFilter(UserAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"GET".equals(request.getMethod())
        || request.getHeader("Authorization") != null
        || FREE.stream().anyMatch(path::startsWith);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    if (a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)) {
      // once a session's account is known to have chosen its password, it is not asked again
      // for every page (an administrator's reset takes effect at the next sign-in)
      jakarta.servlet.http.HttpSession session = request.getSession(false);
      boolean chosen = session != null && a.getName().equals(session.getAttribute(CHOSEN));
      if (!chosen) {
        if (accounts.mustChangePassword(a.getName())) {
          response.sendRedirect(TARGET + "?wachtwoord");
          return;
        }
        if (session != null) {
          session.setAttribute(CHOSEN, a.getName());
        }
      }
    }
    chain.doFilter(request, response);
  }
}
