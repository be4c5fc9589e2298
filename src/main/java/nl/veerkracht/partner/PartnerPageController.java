package nl.veerkracht.partner;

import nl.veerkracht.atelier.Atelier;
import nl.veerkracht.atelier.AtelierExports;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner's pages: what was shared, the agreements it is party to, a shared plan, a shared
 * atelier's results.
 */
@Controller
@WebPage
public class PartnerPageController {

  private final PartnerViews views;
  private final AtelierExports exports;
  private final nl.veerkracht.agreement.AgreementService agreements;

  public PartnerPageController(
      PartnerViews views,
      AtelierExports exports,
      nl.veerkracht.agreement.AgreementService agreements) {
    this.views = views;
    this.exports = exports;
    this.agreements = agreements;
  }

  @GetMapping("/partner")
  public String overview(Model model) {
    model.addAttribute("view", views.overview());
    model.addAttribute("agreements", agreements.list(null));
    return "partner/partner";
  }

  @GetMapping("/partner/beheerplan")
  public String plan(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer version,
      Model model) {
    String query =
        "corporation="
            + encode(corporation)
            + (complex != null && !complex.isBlank()
                ? "&complex=" + encode(complex)
                : "&area=" + encode(area));
    model.addAttribute(
        "view",
        new PartnerPlanView(views.plan(corporation, complex, area, version), corporation, query));
    return "partner/partner-plan";
  }

  @GetMapping("/partner/beheerplan.pdf")
  public org.springframework.http.ResponseEntity<byte[]> planPdf(
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String complex,
      @RequestParam(required = false) String area,
      @RequestParam(required = false) Integer version) {
    nl.veerkracht.plan.PlanService.Approved a = views.plan(corporation, complex, area, version);
    java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    String line =
        nl.veerkracht.web.PdfStyle.t(
            locale,
            "partner.plan.version",
            "version",
            a.version().version(),
            "by",
            a.version().approvedBy(),
            "on",
            a.version()
                .approvedAt()
                .atZone(java.time.ZoneId.systemDefault())
                .toLocalDate()
                .toString());
    byte[] pdf = nl.veerkracht.plan.PlanPdf.writeShared(a.content(), line, locale);
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"beheerplan-"
                + a.content().scopeCode().replaceAll("[^A-Za-z0-9_-]", "_")
                + "-v"
                + a.version().version()
                + ".pdf\"")
        .body(pdf);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @GetMapping("/partner/ateliers/{id}")
  public String atelier(@PathVariable long id, Model model) {
    PartnerViews.Shared<Atelier> s = views.atelier(id);
    model.addAttribute("view", exports.resultsView(s.value(), s.caller()));
    return "atelier/atelier-results";
  }
}
