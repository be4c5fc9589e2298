package nl.veerkracht.map;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.veerkracht.web.WebPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The page of one area, and its printable profile: its figures of a year with their sources. */
@Controller
@WebPage
public class AreaPageController {

  private final AreaProfileService profiles;
  private final AreaOutlines outlines;
  private final Clock clock;
  private final ObjectProvider<AreaRecognitionSource> recognition;

  public AreaPageController(
      AreaProfileService profiles,
      AreaOutlines outlines,
      Clock clock,
      ObjectProvider<AreaRecognitionSource> recognition) {
    this.profiles = profiles;
    this.outlines = outlines;
    this.clock = clock;
    this.recognition = recognition;
  }

  @GetMapping("/gebied/{code}")
  public String area(
      @PathVariable String code,
      @RequestParam(required = false) Integer year,
      Model model,
      HttpServletRequest request) {
    AreaProfile view = profiles.profile(code, year, RequestContextUtils.getLocale(request));
    model.addAttribute("view", view);
    AreaRecognitionSource source = recognition.getIfAvailable();
    model.addAttribute(
        "recognition", source == null ? List.of() : source.forArea(view.area().code().value()));
    return "map/area";
  }

  @GetMapping("/gebied/{code}.pdf")
  public ResponseEntity<byte[]> pdf(
      @PathVariable String code,
      @RequestParam(required = false) Integer year,
      HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    AreaProfile v = profiles.profile(code, year, locale);
    byte[] pdf =
        ProfilePdf.render(v, outlines.around(v.area(), v.year()), locale, LocalDate.now(clock));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            "attachment; filename=\"profiel_" + v.area().code().value() + "_" + v.year() + ".pdf\"")
        .body(pdf);
  }
}
