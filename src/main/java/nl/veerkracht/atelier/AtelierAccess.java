package nl.veerkracht.atelier;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.common.UnauthorizedException;
import nl.veerkracht.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Decides who asks about an atelier, for every atelier endpoint and page: a participant by the
 * token joining gave ({@code Authorization: Bearer …} for the API, the HTTP-only cookie {@code
 * vk_atelier_ID} for pages), else a logged-in staff member of the atelier's corporation, else
 * nobody (401). A token is valid for its own atelier only; tokens are stored as SHA-256 hashes.
 */
@Service
public class AtelierAccess {

  static final String COOKIE_PREFIX = "vk_atelier_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AtelierRepository ateliers;
  private final CurrentUser currentUser;

  public AtelierAccess(AtelierRepository ateliers, CurrentUser currentUser) {
    this.ateliers = ateliers;
    this.currentUser = currentUser;
  }

  /** The atelier and who asks about it. */
  public record Asked(Atelier atelier, Caller caller) {}

  /**
   * @throws NotFoundException for an unknown atelier (also to callers who may not know of it)
   * @throws UnauthorizedException when neither a token nor a login is given
   * @throws ForbiddenException when the token is for another atelier or the staff member is not of
   *     its corporation
   */
  public Asked resolve(HttpServletRequest request, long atelierId) {
    Optional<String> bearer = bearer(request);
    if (bearer.isPresent()) {
      Caller.Participant p =
          participant(bearer.get())
              .orElseThrow(
                  () -> new UnauthorizedException(Text.msg("atelier.refused.unknownToken")));
      if (p.atelierId() != atelierId) {
        throw new ForbiddenException(Text.msg("atelier.refused.otherAtelier"));
      }
      return actingAs(p, atelierId);
    }
    Optional<String> cookie = cookie(request, atelierId);
    if (cookie.isPresent()) {
      Optional<Caller.Participant> p = participant(cookie.get());
      if (p.isPresent() && p.get().atelierId() == atelierId) {
        return actingAs(p.get(), atelierId);
      }
    }
    Optional<String> username = currentUser.findUsername();
    if (username.isEmpty()) {
      throw new UnauthorizedException(Text.msg("atelier.refused.joinOrLogIn"));
    }
    Atelier a =
        ateliers
            .find(atelierId)
            .orElseThrow(() -> new ForbiddenException(Text.msg("atelier.refused.notStaff")));
    return new Asked(
        a, new Caller.Staff(currentUser.requireStaff(a.corporationId()), username.get()));
  }

  /**
   * The participant a token belongs to. Looked up outside a staff member's scope (a staff member
   * may take part in another corporation's atelier); the scope stays for everything else.
   */
  private Optional<Caller.Participant> participant(String token) {
    return nl.veerkracht.database.StaffScope.unscoped(
        () -> ateliers.participantByToken(hash(token)));
  }

  /**
   * From here on the request acts as this participant, whose access this class decides: a staff
   * session that came along no longer scopes it, and grants nothing either.
   */
  private Asked actingAs(Caller.Participant p, long atelierId) {
    nl.veerkracht.database.StaffScope.clear();
    return new Asked(require(atelierId), p);
  }

  /** Like {@link #resolve}, and the caller must be a facilitator or analyst of its corporation. */
  public Asked requireModerator(HttpServletRequest request, long atelierId) {
    Asked asked = resolve(request, atelierId);
    if (!asked.caller().isModerator()) {
      throw new ForbiddenException(Text.msg("atelier.refused.facilitatorsOnly"));
    }
    return asked;
  }

  /**
   * Like {@link #resolve}, and the caller must be staff of its corporation (not a participant);
   * refused with {@code refusal} (a message key) otherwise.
   */
  public Asked requireStaff(HttpServletRequest request, long atelierId, String refusal) {
    Asked asked = resolve(request, atelierId);
    if (!(asked.caller() instanceof Caller.Staff)) {
      throw new ForbiddenException(Text.msg(refusal));
    }
    return asked;
  }

  /** The signed-in account that prepares ateliers; refused for anyone not signed in. */
  public String preparer() {
    return currentUser
        .findUsername()
        .orElseThrow(() -> new ForbiddenException(Text.msg("atelier.refused.logInToPrepare")));
  }

  private Atelier require(long id) {
    return ateliers
        .find(id)
        .orElseThrow(() -> new NotFoundException(Text.msg("atelier.refused.noAtelier")));
  }

  static Optional<String> bearer(HttpServletRequest request) {
    String h = request.getHeader("Authorization");
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String t = h.substring(7).trim();
      // an API token signs in its account (ApiTokenFilter); it is no participant's token
      return t.isEmpty() || t.startsWith("vkt_") ? Optional.empty() : Optional.of(t);
    }
    return Optional.empty();
  }

  static Optional<String> cookie(HttpServletRequest request, long atelierId) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (c.getName().equals(COOKIE_PREFIX + atelierId)) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  /** A new random participant token (256 bits, URL-safe). */
  static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
