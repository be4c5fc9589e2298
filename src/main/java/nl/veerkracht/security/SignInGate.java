package nl.veerkracht.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import nl.veerkracht.common.Text;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a password is checked: an address that tried too many names that are no account (see
 * {@link SignInThrottle}) gets 429 for the next unknown name until its window has passed — on the
 * API with a JSON message that says until when, on the login form a page that says the same. A name
 * that is an account goes on to the account's own lock.
 */
public class SignInGate extends OncePerRequestFilter {

  private final SignInThrottle throttle;

  public SignInGate(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> name = attempted(request);
    if (name.isPresent() && !name.get().isBlank()) {
      Optional<Instant> until = throttle.addressBlockedUntil(request.getRemoteAddr());
      if (until.isPresent() && !throttle.known(name.get())) {
        String clock = SignInThrottle.clock(until.get());
        if (isForm(request)) {
          response.sendRedirect("/login?throttled&until=" + clock);
          return;
        }
        response.setStatus(429);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String message =
            Text.msg("login.throttledUntil", "time", clock)
                .in(nl.veerkracht.common.ReaderLocale.of(request));
        response
            .getWriter()
            .write(
                "{\"status\":429,\"error\":\"Too many sign-ins\",\"message\":"
                    + tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .writeValueAsString(message)
                    + "}");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean isForm(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI());
  }

  /** The name a request signs in with: the login form's, or HTTP Basic's. */
  static Optional<String> attempted(HttpServletRequest request) {
    if (isForm(request)) {
      return Optional.ofNullable(request.getParameter("username"));
    }
    String h = request.getHeader("Authorization");
    if (h != null && h.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return Optional.of(colon < 0 ? pair : pair.substring(0, colon));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
