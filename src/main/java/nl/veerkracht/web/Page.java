package nl.veerkracht.web;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.security.Membership;
import org.springframework.context.MessageSource;

/**
 * What every page template needs besides its own data: texts in the user's language, number
 * formatting, the CSRF token, who is logged in and the current path.
 */
public final class Page {

  private final MessageSource messages;
  private final Locale locale;
  private final String csrfToken;
  private final String csrfHeader;
  private final String csrfParameter;
  private final String username;
  private final boolean administrator;
  private final boolean publicDataWriter;
  private final List<Membership> memberships;
  private final String path;
  private final String query;

  public Page(
      MessageSource messages,
      Locale locale,
      String csrfToken,
      String csrfHeader,
      String csrfParameter,
      String username,
      boolean administrator,
      boolean publicDataWriter,
      List<Membership> memberships,
      String path,
      String query) {
    this.messages = messages;
    this.locale = locale;
    this.csrfToken = csrfToken;
    this.csrfHeader = csrfHeader;
    this.csrfParameter = csrfParameter;
    this.username = username;
    this.administrator = administrator;
    this.publicDataWriter = publicDataWriter;
    this.memberships = memberships;
    this.path = path;
    this.query = query == null ? "" : query;
  }

  /** The text for a message key in the user's language. */
  /**
   * Whether the page follows a save: a form that stored something redirects with {@code opgeslagen}
   * in the query, and the layout says so once.
   */
  public boolean saved() {
    return hasParam("opgeslagen");
  }

  /**
   * A source's credit line as stored ("Bron: CBS", in the publisher's words) with its Dutch "Bron:"
   * said in the reader's language.
   */
  public static String credit(String attribution, Locale locale) {
    if (attribution == null) {
      return "";
    }
    if (!nl.veerkracht.common.Text.english(locale)) {
      return attribution;
    }
    // several credits joined ("…; Bron: Leefbaarometer, …"): each in the reader's language
    List<String> parts = new java.util.ArrayList<>();
    for (String part : attribution.split("; ")) {
      parts.add(creditPart(part));
    }
    return String.join("; ", parts);
  }

  private static String creditPart(String part) {
    if (part.equals(DERIVED_NL)) {
      return "Computed by Veerkracht from CBS and Leefbaarometer figures (see /methode)";
    }
    if (!part.startsWith("Bron: ")) {
      return part;
    }
    String publisher = part.substring("Bron: ".length());
    // a corporation's own files name no publisher
    return "Source: " + (publisher.equals("eigen administratie") ? "own records" : publisher);
  }

  /** The credit of Veerkracht's own derived figures, as the database keeps it (V5, V38). */
  static final String DERIVED_NL =
      "Berekend door Veerkracht uit CBS- en Leefbaarometer-cijfers (zie /methode)";

  /** Whether the request's query names this parameter (with or without a value). */
  public boolean hasParam(String name) {
    return java.util.Arrays.stream(query.split("&"))
        .anyMatch(p -> p.equals(name) || p.startsWith(name + "="));
  }

  public String t(String key, Object... args) {
    return messages.getMessage(key, years(args), key, locale);
  }

  /**
   * Whole numbers from 1000 to 2999 as plain text: they are years ("2031", never "2.031", which the
   * message format's number style would print); a four-digit count reads as well without its
   * thousands point in Dutch.
   */
  static Object[] years(Object... args) {
    if (args == null) {
      return null;
    }
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if ((out[i] instanceof Integer || out[i] instanceof Long || out[i] instanceof Short)
          && ((Number) out[i]).longValue() >= 1000
          && ((Number) out[i]).longValue() <= 2999) {
        out[i] = out[i].toString();
      }
    }
    return out;
  }

  public Locale locale() {
    return locale;
  }

  /** {@code nl} or {@code en}, for the {@code lang} attribute. */
  public String lang() {
    return "en".equals(locale.getLanguage()) ? "en" : "nl";
  }

  public boolean english() {
    return lang().equals("en");
  }

  /** A number in the user's format: Dutch "1.234,5", English "1,234.5". */
  public String number(Double value, int decimals) {
    if (value == null) {
      return "";
    }
    return format(value, decimals, locale);
  }

  public static String format(double value, int decimals, Locale locale) {
    DecimalFormatSymbols symbols =
        DecimalFormatSymbols.getInstance(
            "en".equals(locale.getLanguage()) ? Locale.UK : WebConfiguration.DUTCH);
    DecimalFormat f =
        new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0", symbols);
    return f.format(value);
  }

  public String csrfToken() {
    return csrfToken;
  }

  public String csrfHeader() {
    return csrfHeader;
  }

  public String csrfParameter() {
    return csrfParameter;
  }

  public boolean loggedIn() {
    return username != null;
  }

  public String username() {
    return username;
  }

  /** A partner account: reads only what corporations shared with its organisation. */
  public boolean partner() {
    org.springframework.security.core.Authentication a =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return loggedIn()
        && a != null
        && a.getAuthorities().stream()
            .anyMatch(x -> nl.veerkracht.security.CurrentUser.PARTNER.equals(x.getAuthority()));
  }

  public boolean administrator() {
    return administrator;
  }

  /** Administrators and data stewards write the public data every corporation shares. */
  public boolean publicDataWriter() {
    return publicDataWriter;
  }

  public List<Membership> memberships() {
    return memberships;
  }

  public String path() {
    return path;
  }

  /**
   * The current address with {@code lang} switched, for the language link: every other parameter
   * (corporation, level, year, ...) is kept, so the page shows the same thing in the other
   * language.
   */
  public String otherLanguageHref() {
    StringBuilder sb = new StringBuilder(path).append("?lang=").append(english() ? "nl" : "en");
    for (String part : query.split("&")) {
      if (!part.isEmpty() && !part.startsWith("lang=")) {
        sb.append('&').append(part);
      }
    }
    return sb.toString();
  }

  /** The name of an import kind ({@code stock-units}, {@code mapping:NAME}, ...) for people. */
  public String kind(String kind) {
    if (kind == null) {
      return "";
    }
    if (kind.startsWith("mapping:")) {
      return t("kind.mapping", kind.substring("mapping:".length()));
    }
    return messages.getMessage("kind." + kind, null, kind, locale);
  }

  /** An import's phase ({@code reading FILE}, ...) in the reader's language. */
  public String phase(String phase) {
    if (phase == null) {
      return "";
    }
    int space = phase.indexOf(' ');
    String word = space < 0 ? phase : phase.substring(0, space);
    String rest = space < 0 ? "" : phase.substring(space + 1);
    return messages.getMessage("imports.phase." + word, new Object[] {rest}, phase, locale);
  }

  /** The code of one of the user's corporations by its id, or null. */
  public String corporationCode(Long corporationId) {
    if (corporationId == null) {
      return null;
    }
    return memberships.stream()
        .filter(m -> m.corporationId() == corporationId)
        .map(Membership::corporationCode)
        .findFirst()
        .orElse(null);
  }

  public boolean active(String prefix) {
    return prefix.equals("/") ? path.equals("/") : path.startsWith(prefix);
  }
}
