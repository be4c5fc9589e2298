package nl.veerkracht.map;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.web.WebPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Finds areas by name, CBS code or postcode (the four digits CBS gives as the most common postcode
 * of a buurt or wijk): {@code /zoeken} for people, {@code /api/search} for scripts.
 */
@Controller
@WebPage
public class SearchController {

  private final JdbcClient jdbc;

  public SearchController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/zoeken")
  public String page(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("q", q.strip());
    model.addAttribute("hits", search(q));
    return "map/search";
  }

  @GetMapping("/api/search")
  @ResponseBody
  @Operation(summary = "Areas by name, code or four-digit postcode (at most 50)")
  public List<Hit> api(@RequestParam String q) {
    return search(q);
  }

  /**
   * Areas whose name, or whose name together with its gemeente's name, holds every word asked
   * ("Centrum Baarn"), whose code starts with the query, or whose most common postcode is the four
   * digits asked. Gemeenten first, then wijken, then buurten; by name within a level.
   */
  List<Hit> search(String raw) {
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
        java.util.Arrays.stream(q.toLowerCase(Locale.ROOT).split("[\\s,]+"))
            .filter(w -> !w.isEmpty())
            .limit(6)
            .map(SearchController::like)
            .toList();
    StringBuilder byWords = new StringBuilder();
    for (int k = 0; k < words.size(); k++) {
      byWords.append(k == 0 ? "" : " AND ").append("(lower(a.name) LIKE :w").append(k);
      byWords.append(" OR lower(coalesce(g.name, '')) LIKE :w").append(k).append(')');
    }
    var sql =
        jdbc.sql(
                "SELECT DISTINCT ON (a.code) a.code, a.name, a.level, a.year, g.name"
                    + " FROM area a LEFT JOIN LATERAL (SELECT x.name FROM area x"
                    + " WHERE x.code = a.gemeente_code AND x.year = a.year LIMIT 1) g ON true"
                    + " WHERE a.level <> 'land' AND (("
                    + byWords
                    + ") OR a.code LIKE :code"
                    + " OR (CAST(:digits AS text) IS NOT NULL"
                    + " AND a.attributes ->> 'meest_voorkomende_postcode' = :digits))"
                    + " ORDER BY a.code, a.year DESC LIMIT 200")
            .param("code", upper + "%")
            .param("digits", digits);
    for (int k = 0; k < words.size(); k++) {
      sql = sql.param("w" + k, words.get(k));
    }
    String exact = q.toLowerCase(Locale.ROOT);
    return sql
        .query(
            (rs, i) ->
                new Hit(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getString(5)))
        .list()
        .stream()
        .sorted(
            java.util.Comparator.comparing((Hit h) -> !h.name().equalsIgnoreCase(exact))
                .thenComparing(h -> rank(h.level()))
                .thenComparing(Hit::name, String.CASE_INSENSITIVE_ORDER))
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
