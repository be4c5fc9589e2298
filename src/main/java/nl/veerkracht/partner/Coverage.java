package nl.veerkracht.partner;

import java.util.Collection;
import java.util.Locale;

/**
 * Which CBS areas lie within a shared area: a buurt (BU + 8 digits) lies in the wijk (WK + its
 * first 6) and the gemeente (GM + its first 4) whose digits it starts with.
 */
final class Coverage {

  private Coverage() {}

  /** Whether {@code code} is {@code scope} or lies within it. */
  static boolean within(String code, String scope) {
    if (code == null || scope == null || code.length() < 3 || scope.length() < 3) {
      return false;
    }
    String c = code.toUpperCase(Locale.ROOT);
    String s = scope.toUpperCase(Locale.ROOT);
    return rank(c) >= rank(s) && rank(s) >= 0 && c.substring(2).startsWith(s.substring(2));
  }

  static boolean anyWithin(Collection<String> codes, String scope) {
    return codes.stream().anyMatch(c -> within(c, scope));
  }

  private static int rank(String code) {
    return switch (code.substring(0, 2)) {
      case "GM" -> 0;
      case "WK" -> 1;
      case "BU" -> 2;
      default -> -1;
    };
  }
}
