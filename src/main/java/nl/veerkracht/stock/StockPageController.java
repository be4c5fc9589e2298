package nl.veerkracht.stock;

import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The corporation's stock: its complexes, and one complex with its units, plan and history. */
@Controller
@WebPage
public class StockPageController {

  private final OwnStock stock;
  private final CurrentUser currentUser;

  public StockPageController(OwnStock stock, CurrentUser currentUser) {
    this.stock = stock;
    this.currentUser = currentUser;
  }

  @GetMapping("/voorraad")
  public String overview(@RequestParam(required = false) String corporation, Model model) {
    model.addAttribute("view", stock.overview(membership(corporation), currentUser.memberships()));
    return "stock/stock";
  }

  @GetMapping("/voorraad/{type}/{code}")
  public String complex(
      @PathVariable String type,
      @PathVariable String code,
      @RequestParam(required = false) String corporation,
      Model model) {
    model.addAttribute("view", stock.complex(membership(corporation), type, code));
    return "stock/complex";
  }

  private Membership membership(String corporation) {
    return stock.forPage(corporation);
  }
}
