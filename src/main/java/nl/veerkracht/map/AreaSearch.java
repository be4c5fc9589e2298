package nl.veerkracht.map;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.area.AreaMatch;
import nl.veerkracht.area.AreaRepository;
import org.springframework.stereotype.Service;

/**
 * Finds areas by name, CBS code or postcode (the four digits CBS gives as the most common postcode
 * of a buurt or wijk), for the search page and {@code /api/search}.
 */
@Service
public class AreaSearch {

  private final AreaRepository areas;

  public AreaSearch(AreaRepository areas) {
    this.areas = areas;
  }

  /**
   * Areas whose name, or whose name together with its gemeente's name, holds every word asked
   * ("Centrum Baarn"), whose code starts with the query, or whose most common postcode is the four
   * digits asked. The exact name first, then gemeenten, wijken, buurten; by name within a level; at
   * most 50.
   */
  public List<AreaMatch> search(String raw) {
    String q = raw == null ? "" : raw.strip();
    if (q.length() < 2 || q.length() > 100) {
      return List.of();
    }
    String upper = q.toUpperCase(Locale.ROOT).replace(" ", "");
    String digits =
        upper.length() >= 4 && upper.substring(0, 4).chars().allMatch(Character::isDigit)
            ? upper.substring(0, 4)
            : null;
    List<String> words =
        Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s,]+"))
            .filter(w -> !w.isEmpty())
            .limit(6)
            .map(AreaSearch::like)
            .toList();
    String exact = q.toLowerCase(Locale.ROOT);
    return areas.matching(words, upper, digits).stream()
        .sorted(
            Comparator.comparing((AreaMatch h) -> !h.name().equalsIgnoreCase(exact))
                .thenComparing(h -> rank(h.level()))
                .thenComparing(AreaMatch::name, String.CASE_INSENSITIVE_ORDER))
        .limit(50)
        .toList();
  }

  private static String like(String word) {
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static int rank(String level) {
    return switch (level) {
      case "gemeente" -> 0;
      case "wijk" -> 1;
      default -> 2;
    };
  }
}
