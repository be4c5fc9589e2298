package nl.veerkracht.allocation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.veerkracht.common.InvalidInputException;
import nl.veerkracht.common.Text;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** /toewijzing: two allocation scenarios for a complex; /toewijzing/terugblik: the back-test. */
@Controller
@WebPage
public class AllocationPageController {

  private final AllocationService service;
  private final BuurtAllocation buurten;

  public AllocationPageController(AllocationService service, BuurtAllocation buurten) {
    this.service = service;
    this.buurten = buurten;
  }

  @GetMapping("/toewijzing")
  public String page(
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> vulnerable,
      Model model) {
    AllocationService.Basis basis = service.basis(form.get("corporation"));
    Map<String, String> complexes = complexes(basis);
    String complex = form.get("complex");
    if (complex == null || !complexes.containsKey(complex)) {
      complex = complexes.isEmpty() ? null : complexes.keySet().iterator().next();
    }
    AllocationViews.Comparison comparison = null;
    AllocationViews.Crossings crossings = null;
    AllocationViews.BuurtComparison buurt = null;
    Text error = null;
    boolean noData = !service.hasLettings(basis.corporation().code());
    if (complex != null && !noData) {
      try {
        AllocationService.Parameters p = parameters(form, vulnerable);
        comparison = service.compare(basis.corporation().code(), complex, p);
        crossings = service.crossings(basis.corporation().code(), comparison.b().id(), p);
        String code = buurten.buurtOf(basis.corporation().code(), complex);
        if (code != null) {
          buurt = buurten.compare(basis.corporation().code(), code, p);
        }
      } catch (InvalidInputException e) {
        error = e.text();
      }
    }
    model.addAttribute(
        "view",
        new AllocationPage(
            basis.corporation().code(),
            basis.corporation().name(),
            basis.corporation().synthetic(),
            complexes,
            complex,
            form,
            comparison,
            crossings,
            buurt,
            null,
            error,
            noData));
    return "allocation/allocation";
  }

  @GetMapping("/toewijzing/terugblik")
  public String backtest(@RequestParam(required = false) String corporation, Model model) {
    AllocationService.Basis basis = service.basis(corporation);
    model.addAttribute(
        "view",
        new AllocationPage(
            basis.corporation().code(),
            basis.corporation().name(),
            basis.corporation().synthetic(),
            complexes(basis),
            null,
            Map.of(),
            null,
            null,
            null,
            service.backtest(basis.corporation().code(), null),
            null,
            false));
    return "allocation/allocation-backtest";
  }

  private Map<String, String> complexes(AllocationService.Basis basis) {
    Map<String, String> known = service.complexNames(basis);
    Map<String, String> names = new TreeMap<>();
    basis
        .calibration()
        .complexes()
        .forEach(
            (code, m) ->
                names.put(
                    code, code + " " + known.getOrDefault(code, "") + " (" + m.households() + ")"));
    return names;
  }

  /** The form's parameters; a number that is not one is refused with a message. */
  static AllocationService.Parameters parameters(
      Map<String, String> form, List<String> vulnerable) {
    try {
      return new AllocationService.Parameters(
          blank(form.get("a")),
          blank(form.get("b")),
          integer(form.get("years")),
          null,
          percent(form.get("threshold")),
          percent(form.get("cap")),
          blank(form.get("turnover")),
          vulnerable == null || vulnerable.isEmpty() ? null : List.copyOf(vulnerable),
          integer(form.get("task")),
          percent(form.get("local")));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(Text.msg("allocation.invalid.share"));
    }
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static Integer integer(String v) {
    return blank(v) == null ? null : Integer.valueOf(v.strip());
  }

  /** A percentage in the form (30 or 30,5) as a share. */
  private static Double percent(String v) {
    return blank(v) == null ? null : Double.parseDouble(v.strip().replace(',', '.')) / 100;
  }
}
