package nl.veerkracht.stock;

import nl.veerkracht.web.Downloads;
import nl.veerkracht.web.WebPage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The stock file's templates and the page that explains every column (Gegevens laden). */
@Controller
@WebPage
public class StockTemplateController {

  @GetMapping("/gegevens/sjablonen")
  public String page(Model model) {
    model.addAttribute("columns", StockTemplates.UNITS);
    return "stock/templates";
  }

  @GetMapping("/gegevens/sjablonen/eenheden.csv")
  public ResponseEntity<byte[]> csv() {
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"veerkracht_eenheden.csv\"")
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .body(StockTemplates.csv());
  }

  @GetMapping("/gegevens/sjablonen/eenheden.xlsx")
  public ResponseEntity<byte[]> xlsx() {
    return Downloads.xlsx(
        "veerkracht_eenheden", StockTemplates.xlsx(LocaleContextHolder.getLocale()));
  }
}
