package nl.veerkracht.common;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a figure is missing or secret, as stored with it ("'.' in source (not available)"), in the
 * reader's language. The stored reason keeps the source's own symbol; only the words around it are
 * translated.
 */
public final class SourceReasons {

  private static final Pattern IN_SOURCE = Pattern.compile("^(.+?) in source(?: \\((.+)\\))?$");
  private static final Map<String, String> WHY =
      Map.of(
          "not available", "reason.notAvailable",
          "unknown", "reason.unknown",
          "nil or not applicable", "reason.nil",
          "secret", "reason.secret",
          "secret or too small", "reason.secretSmall",
          "not available or suppressed", "reason.suppressed",
          "missing-value code", "reason.missingCode");

  private SourceReasons() {}

  public static Text of(String reason) {
    if (reason == null || reason.isBlank()) {
      return Text.plain("");
    }
    if (reason.equals("not a finite number in source")) {
      return Text.msg("reason.notANumber");
    }
    Matcher m = IN_SOURCE.matcher(reason);
    if (!m.matches()) {
      return Text.plain(reason);
    }
    String symbol = m.group(1);
    if (symbol.equals("empty")) {
      return Text.msg("reason.empty");
    }
    String why = m.group(2);
    if (why == null) {
      return Text.msg("reason.inSource", "symbol", symbol);
    }
    String key = WHY.get(why);
    return key == null
        ? Text.msg("reason.inSourceWhy", "symbol", symbol, "why", why)
        : Text.msg("reason.inSourceWhy", "symbol", symbol, "why", Text.msg(key));
  }
}
