package nl.veerkracht.atelier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The link participants open to join: this server's address with the join code filled in. */
public final class JoinLinks {

  private JoinLinks() {}

  public static String link(HttpServletRequest request, String joinCode) {
    return ServletUriComponentsBuilder.fromContextPath(request)
        .path("/doe-mee")
        .queryParam("code", joinCode)
        .build()
        .toUriString();
  }
}
