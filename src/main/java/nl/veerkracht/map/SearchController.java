package nl.veerkracht.map;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import nl.veerkracht.area.AreaMatch;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Finds areas by name, CBS code or postcode: {@code /zoeken} for people, {@code /api/search} for
 * scripts ({@link AreaSearch}).
 */
@Controller
@WebPage
public class SearchController {

  private final AreaSearch search;

  public SearchController(AreaSearch search) {
    this.search = search;
  }

  @GetMapping("/zoeken")
  public String page(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("q", q.strip());
    model.addAttribute("hits", search.search(q));
    return "map/search";
  }

  @GetMapping("/api/search")
  @ResponseBody
  @Operation(summary = "Areas by name, code or four-digit postcode (at most 50)")
  public List<AreaMatch> api(@RequestParam String q) {
    return search.search(q);
  }
}
