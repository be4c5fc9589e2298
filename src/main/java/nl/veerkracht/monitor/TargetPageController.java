package nl.veerkracht.monitor;

import nl.veerkracht.measure.MeasureService;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page Doelen: each target of the corporation's measures with its status and before/after. */
@Controller
@WebPage
public class TargetPageController {

  private final MeasureService service;
  private final TargetMonitor targets;

  public TargetPageController(MeasureService service, TargetMonitor targets) {
    this.service = service;
    this.targets = targets;
  }

  @GetMapping("/doelen")
  public String targets(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) String complex,
      Model model) {
    Membership m = service.reader(corporation);
    String a = area == null || area.isBlank() ? null : area.strip();
    String c = a != null || complex == null || complex.isBlank() ? null : complex.strip();
    model.addAttribute("corporation", m);
    model.addAttribute("scope", a != null ? a : c);
    model.addAttribute("targets", targets.targets(m.corporationCode(), a, c));
    return "monitor/targets";
  }
}
