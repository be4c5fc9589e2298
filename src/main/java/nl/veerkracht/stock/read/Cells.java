package nl.veerkracht.stock.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parsing of the cell values in stock files: amounts, whole numbers, dates, yes/no. */
final class Cells {

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("d-M-yyyy"),
          DateTimeFormatter.ofPattern("d/M/yyyy"),
          DateTimeFormatter.ofPattern("d.M.yyyy"));

  private Cells() {}

  /** An amount in euro: "650", "650,25", "€ 1.234,50", "1234.50". Empty for text. */
  static Optional<BigDecimal> euro(String raw) {
    String s =
        raw.strip().replace("€", "").replace("EUR", "").replace(" ", "").replace("\u00a0", "");
    if (s.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
      s = s.replace(".", "").replace(',', '.');
    } else if (s.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?")) {
      s = s.replace(",", "");
    } else {
      s = s.replace(',', '.');
    }
    if (!s.matches("-?\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(s));
  }

  static Optional<Integer> whole(String raw) {
    String s = raw.strip();
    if (s.matches("-?\\d{1,9}(\\.0+)?")) {
      return Optional.of(Integer.parseInt(s.replaceAll("\\.0+$", "")));
    }
    return Optional.empty();
  }

  static Optional<Double> number(String raw) {
    String s = raw.strip().replace(',', '.');
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<LocalDate> date(String raw) {
    String s = raw.strip();
    if (s.length() > 10 && s.charAt(10) == 'T') {
      s = s.substring(0, 10);
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return Optional.of(LocalDate.parse(s, f));
      } catch (DateTimeParseException e) {
        // next pattern
      }
    }
    return Optional.empty();
  }

  static Optional<Boolean> yesNo(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "ja", "j", "yes", "y", "true", "1", "urgent" -> Optional.of(true);
      case "nee", "n", "no", "false", "0", "", "geen" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Maps Dutch and English income classes to the stored ones. */
  static Optional<String> incomeClass(String raw) {
    String s = raw.strip().toLowerCase(Locale.ROOT).replace('-', ' ');
    if (s.isEmpty() || s.equals("onbekend") || s.equals("unknown")) {
      return Optional.of("unknown");
    }
    if (s.contains("passend")
        || s.contains("onder")
        || s.equals("laag")
        || s.equals("doelgroep")
        || s.equals("below_limit")
        || s.contains("huurtoeslag")) {
      return Optional.of("below_limit");
    }
    if (s.contains("midden") || s.equals("middle")) {
      return Optional.of("middle");
    }
    if (s.contains("hoog") || s.equals("high")) {
      return Optional.of("high");
    }
    if (s.contains("boven") || s.equals("above_limit")) {
      return Optional.of("above_limit");
    }
    return Optional.empty();
  }

  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    return s.isEmpty() ? null : s;
  }
}
