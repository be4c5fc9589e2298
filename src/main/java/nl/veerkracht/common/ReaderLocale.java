package nl.veerkracht.common;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language of an answer a person reads (an error, a refusal): the one they chose (the language
 * cookie or {@code lang}), else the one the request asks for ({@code Accept-Language}: English for
 * "en", Dutch otherwise, as a phone in the room sends), else English, as the API always answered
 * scripts. One rule for every room (the web layer and the sign-in filters).
 */
public final class ReaderLocale {

  public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  /** The cookie that keeps the language a person chose. */
  public static final String COOKIE = "veerkracht-lang";

  private ReaderLocale() {}

  public static Locale of(HttpServletRequest request) {
    boolean chosen = request.getParameter("lang") != null;
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        chosen |= c.getName().equals(COOKIE);
      }
    }
    if (chosen) {
      return org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
    }
    String asked = request.getHeader("Accept-Language");
    if (asked == null || asked.isBlank()) {
      return Locale.ENGLISH;
    }
    return request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : DUTCH;
  }
}
