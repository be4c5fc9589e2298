package nl.veerkracht.statistics;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.veerkracht.common.Messages;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.Indicator;

/**
 * Figures as a person chooses them: grouped by theme (the catalogue's categories, by name), then
 * the fields kept under their source's own name grouped by publisher; each by its name in the
 * reader's language with its unit and the years held. Fields whose meaning the publisher does not
 * document are left out of lists (one already chosen stays, so a choice is never lost).
 */
public final class IndicatorChoices {

  /** Themes in the order a reader looks for them; others follow by name. */
  static final List<String> THEMES =
      List.of(
          "analysis",
          "livability",
          "population",
          "housing",
          "income",
          "social",
          "care",
          "work",
          "education",
          "economy",
          "amenities",
          "energy",
          "mobility",
          "area");

  /**
   * One figure to choose.
   *
   * @param detail unit and years, e.g. "%, 2016–2024"
   * @param dutchOnly the name exists only in Dutch (a field under its source's name): pages in
   *     English mark it {@code lang="nl"}
   */
  public record Option(String id, String label, String detail, boolean dutchOnly) {

    /** The text of the option: its name, then unit and years. */
    public String text() {
      return detail.isEmpty() ? label : label + " (" + detail + ")";
    }
  }

  /** A theme or a publisher with its figures. */
  public record Group(String label, List<Option> options) {}

  private IndicatorChoices() {}

  /** Whether the publisher does not document what this field means. */
  public static boolean undocumented(Indicator i) {
    String nl = i.labelNl() == null ? "" : i.labelNl();
    return nl.contains("niet gedocumenteerd");
  }

  /**
   * The figures grouped for a list.
   *
   * @param years the years held of a figure (newest first), empty when none: such a figure is left
   *     out
   * @param keep a figure kept in the list even when it would be left out (the current choice)
   */
  public static List<Group> of(
      List<Indicator> indicators,
      Function<String, List<Integer>> years,
      Locale locale,
      String keep) {
    boolean english = Text.english(locale);
    Collator byName = Collator.getInstance(locale);
    Map<String, List<Option>> themes = new LinkedHashMap<>();
    Map<String, List<Option>> sources = new java.util.TreeMap<>(byName);
    for (Indicator i : indicators) {
      boolean kept = i.id().equals(keep);
      List<Integer> held = years.apply(i.id());
      if (!kept && (held.isEmpty() || undocumented(i))) {
        continue;
      }
      String label =
          capitalised(
              "source".equals(i.origin()) ? i.label(locale).replace('_', ' ') : i.label(locale),
              locale);
      boolean dutchOnly = english && "source".equals(i.origin()) && i.labelEn().equals(i.labelNl());
      Option o = new Option(i.id(), label, detail(i, held, locale), dutchOnly);
      String category = i.category() == null ? "" : i.category();
      if (category.isEmpty() || "source".equals(category)) {
        String publisher = i.source() == null || i.source().isBlank() ? "?" : i.source();
        sources.computeIfAbsent(publisher, k -> new ArrayList<>()).add(o);
      } else {
        themes.computeIfAbsent(category, k -> new ArrayList<>()).add(o);
      }
    }
    List<Group> out = new ArrayList<>();
    themes.entrySet().stream()
        .sorted(
            Comparator.comparingInt(
                    (Map.Entry<String, List<Option>> e) -> {
                      int at = THEMES.indexOf(e.getKey());
                      return at < 0 ? THEMES.size() : at;
                    })
                .thenComparing(Map.Entry::getKey))
        .forEach(e -> out.add(new Group(theme(e.getKey(), locale), sorted(e.getValue(), byName))));
    sources.forEach(
        (publisher, options) ->
            out.add(
                new Group(
                    Text.msg("theme.source", "source", publisher).in(locale),
                    sorted(options, byName))));
    return out;
  }

  /** The name of a theme in the reader's language (its key when no name is known). */
  public static String theme(String category, Locale locale) {
    String key = "theme." + category;
    return Messages.has(key) ? Text.msg(key).in(locale) : category;
  }

  private static List<Option> sorted(List<Option> options, Collator byName) {
    List<Option> out = new ArrayList<>(options);
    out.sort(Comparator.comparing(Option::label, byName));
    return out;
  }

  private static String detail(Indicator i, List<Integer> held, Locale locale) {
    List<String> parts = new ArrayList<>();
    if (i.unit() != null && !i.unit().isBlank()) {
      parts.add(i.unit(locale));
    }
    if (!held.isEmpty()) {
      int newest = held.get(0);
      int oldest = held.get(held.size() - 1);
      parts.add(newest == oldest ? String.valueOf(newest) : oldest + "–" + newest);
    }
    return String.join(", ", parts);
  }

  private static String capitalised(String s, Locale locale) {
    if (s == null || s.isEmpty() || !Character.isLowerCase(s.charAt(0))) {
      return s;
    }
    return s.substring(0, 1).toUpperCase(locale) + s.substring(1);
  }
}
