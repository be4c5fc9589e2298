package nl.veerkracht.atelier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.common.ConflictException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;

/** Checks shared by the atelier services: who may, in which phase, and what a text may hold. */
final class AtelierInputs {

  static final int MAX_TEXT = 500;

  private AtelierInputs() {}

  static void requireModerator(AtelierAccess.Asked asked) {
    if (!asked.caller().isModerator()) {
      throw new ForbiddenException(Text.msg("atelier.refused.facilitatorsOnly"));
    }
  }

  static void requireOpen(Atelier a) {
    if (a.phase() == Atelier.Phase.CLOSED) {
      throw new ConflictException(Text.msg("atelier.refused.closed"));
    }
  }

  static String writer(Caller c) {
    return c instanceof Caller.Participant p ? "p" + p.id() : "s" + ((Caller.Staff) c).username();
  }

  static InvalidInputException invalid(String key, Object... args) {
    return new InvalidInputException(Text.msg(key, args));
  }

  /** One line: control characters out, trimmed, at most {@code max} characters. */
  static String clean(String raw, int max) {
    if (raw == null) {
      return "";
    }
    String s = raw.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", " ").strip();
    if (s.length() > max) {
      throw new InvalidInputException(Text.msg("atelier.error.tooLong", "max", max));
    }
    return s;
  }

  /** Free text: line breaks kept, other control characters out, at most {@code max}. */
  static String cleanText(String raw, int max) {
    if (raw == null) {
      return "";
    }
    String s =
        raw.replace("\r\n", "\n")
            .replaceAll("[\\p{Cntrl}&&[^\\n]]|[\\u202A-\\u202E\\u2066-\\u2069]", " ")
            .strip();
    if (s.length() > max) {
      throw new InvalidInputException(Text.msg("atelier.error.tooLong", "max", max));
    }
    return s;
  }

  /** A time of day as people type it ("19:30", "19.30", "9:00"); empty is none. */
  static java.time.LocalTime time(String raw) {
    String s = clean(raw, 10).replace('.', ':');
    if (s.isEmpty()) {
      return null;
    }
    if (s.matches("\\d{1,2}")) {
      s = s + ":00";
    }
    try {
      return java.time.LocalTime.parse(s.length() == 4 ? "0" + s : s);
    } catch (java.time.format.DateTimeParseException e) {
      throw invalid("atelier.error.time", "time", s);
    }
  }

  /** A line that may be cleared: empty is none. */
  static String optional(String raw, int max) {
    String s = clean(raw, max);
    return s.isEmpty() ? null : s;
  }

  static List<String> distinct(List<String> raw, int maxLength, int maxCount) {
    LinkedHashMap<String, Boolean> out = new LinkedHashMap<>();
    for (String r : raw) {
      String s = clean(r, maxLength);
      if (!s.isEmpty()) {
        out.put(s, true);
      }
    }
    if (out.size() > maxCount) {
      throw new InvalidInputException(Text.msg("atelier.error.tooMany", "max", maxCount));
    }
    return List.copyOf(out.keySet());
  }

  /** The figure cards chosen (all when none are), each one Veerkracht knows. */
  static List<String> cards(List<String> chosen) {
    List<String> cards = chosen == null || chosen.isEmpty() ? FigureCards.ALL : chosen;
    for (String c : cards) {
      if (!FigureCards.ALL.contains(c)) {
        throw invalid("atelier.error.card", "card", clean(c, 40));
      }
    }
    return cards;
  }

  /** The map layers chosen (the default ones when not given; none is allowed). */
  static List<String> layers(List<String> chosen) {
    List<String> layers = chosen == null ? AtelierService.MAP_LAYERS : chosen;
    for (String l : layers) {
      if (!AtelierService.MAP_LAYERS.contains(l)) {
        throw invalid(
            "atelier.error.layer",
            "layer",
            clean(l, 40),
            "layers",
            String.join(", ", AtelierService.MAP_LAYERS));
      }
    }
    return layers;
  }

  /**
   * The groups participants choose from, as the facilitator typed them (lower case, no repeats);
   * bewoner is always one of them.
   */
  static List<String> groups(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String g : distinct(raw, 40, 15)) {
      String k = g.toLowerCase(Locale.ROOT).replace(' ', '_');
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    if (!out.contains("bewoner")) {
      out.add(0, "bewoner");
    }
    return List.copyOf(out);
  }

  /** Area codes as typed, parsed and without repeats; a code that is none is refused. */
  static List<String> areaCodes(List<String> raw) {
    List<String> codes = new ArrayList<>();
    for (String r : raw == null ? List.<String>of() : raw) {
      AreaCode c =
          AreaCode.parse(r).orElseThrow(() -> invalid("atelier.error.area", "code", clean(r, 20)));
      if (!codes.contains(c.value())) {
        codes.add(c.value());
      }
    }
    return codes;
  }
}
