package nl.veerkracht.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.veerkracht.database.StaffScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place that scopes a corporation's own data: a request of a signed-in staff member runs
 * its queries limited to the corporations they are staff of, by the database's row-level security
 * ({@link StaffScope}, {@code ScopedDataSource}). Not scoped: administrators (they manage the
 * server), partners (what is shared with them is read by {@code PartnerViews}), an atelier
 * participant's token or cookie (the atelier's own checks), anonymous callers (no own data). Runs
 * after Spring Security, so the caller is known.
 */
public class StaffScopeFilter extends OncePerRequestFilter {

  private final CurrentUser currentUser;

  public StaffScopeFilter(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!scoped(request)) {
      chain.doFilter(request, response);
      return;
    }
    StaffScope.set(
        currentUser.memberships().stream().mapToLong(Membership::corporationId).toArray());
    try {
      chain.doFilter(request, response);
    } finally {
      StaffScope.clear();
    }
  }

  private static boolean scoped(HttpServletRequest request) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      return false;
    }
    boolean staff = false;
    for (var a : auth.getAuthorities()) {
      if (a.getAuthority().equals("ROLE_ADMIN")) {
        return false;
      }
      staff |= a.getAuthority().equals("ROLE_STAFF");
    }
    // whatever else the request carries (an atelier cookie, a Bearer header): only a valid
    // participant token, checked by the atelier itself, lifts the scope for that request
    return staff;
  }
}
