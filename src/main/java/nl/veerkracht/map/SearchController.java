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
    return "search";
  }

  @GetMapping("/api/search")
  @ResponseBody
  @Operation(summary = "Areas by name, code or four-digit postcode (at most 50)")
  public List<Hit> api(@RequestParam String q) {
    return search(q);
  }

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
    String like =
        "%"
            + q.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return jdbc
        .sql(
            "SELECT DISTINCT ON (a.code) a.code, a.name, a.level, a.year,"
                + " (SELECT g.name FROM area g WHERE g.code = a.gemeente_code AND g.year = a.year LIMIT 1)"
                + " FROM area a WHERE a.level <> 'land' AND (lower(a.name) LIKE ? OR a.code LIKE ?"
                + " OR (CAST(? AS text) IS NOT NULL AND a.attributes ->> 'meest_voorkomende_postcode' = ?))"
                + " ORDER BY a.code, a.year DESC LIMIT 200")
        .params(like, upper + "%", digits, digits)
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
            (a, b) ->
                a.level().equals(b.level())
                    ? a.name().compareToIgnoreCase(b.name())
                    : Integer.compare(rank(a.level()), rank(b.level())))
        .limit(50)
        .toList();
  }

  private static int rank(String level) {
    return switch (level) {
      case "gemeente" -> 0;
      case "wijk" -> 1;
      default -> 2;
    };
  }
}
