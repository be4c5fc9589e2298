package nl.veerkracht.imports;

import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sources page: licences, and which public data was loaded when. */
@Controller
@WebPage
public class SourcesPageController {

  private final ImportHistory history;

  public SourcesPageController(ImportHistory history) {
    this.history = history;
  }

  @GetMapping("/bronnen")
  public String sources(Model model) {
    ImportHistory.Sources sources = history.sources();
    model.addAttribute("loaded", sources.loaded());
    model.addAttribute("figures", sources.figures());
    return "imports/sources";
  }
}
