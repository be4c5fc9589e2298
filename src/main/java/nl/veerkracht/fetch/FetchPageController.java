package nl.veerkracht.fetch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /gegevens/ophalen}: pick gemeenten, years and sources; Veerkracht fetches and imports them
 * and the page shows each step and the import report. For administrators and analysts.
 */
@Controller
@WebPage
public class FetchPageController {

  private final FetchJobs jobs;
  private final FetchService fetch;
  private final GemeenteNames names;
  private final CurrentUser currentUser;

  public FetchPageController(
      FetchJobs jobs, FetchService fetch, GemeenteNames names, CurrentUser currentUser) {
    this.jobs = jobs;
    this.fetch = fetch;
    this.names = names;
    this.currentUser = currentUser;
  }

  @GetMapping("/gegevens/ophalen")
  public String form(@RequestParam(required = false) String job, Model model) {
    currentUser.requirePublicDataWriter();
    model.addAttribute(
        "view",
        new FormView(
            names.all(),
            new ArrayList<>(fetch.settings().tables().keySet()),
            List.of(FetchRequest.Source.values()),
            fetch.settings().lbmEdition(),
            job));
    return "fetch";
  }

  @PostMapping("/gegevens/ophalen")
  public String start(
      @RequestParam(name = "gemeente", required = false) List<String> gemeenten,
      @RequestParam(name = "all", defaultValue = "false") boolean all,
      @RequestParam(name = "year", required = false) List<Integer> years,
      @RequestParam(name = "source", required = false) List<String> sources) {
    currentUser.requirePublicDataWriter();
    List<String> codes = new ArrayList<>();
    for (String g : gemeenten == null ? List.<String>of() : gemeenten) {
      codes.add(
          names.resolve(g).orElseThrow(() -> new BadRequestException("Unknown gemeente " + g)));
    }
    if (all) {
      codes.clear(); // every gemeente of the country
    } else if (codes.isEmpty() || codes.size() > 25) {
      throw new BadRequestException("Choose one to 25 gemeenten, or all of the Netherlands");
    }
    Set<FetchRequest.Source> chosen = EnumSet.noneOf(FetchRequest.Source.class);
    for (String s : sources == null ? List.<String>of() : sources) {
      try {
        chosen.add(FetchRequest.Source.parse(s));
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(e.getMessage());
      }
    }
    if (chosen.isEmpty()) {
      throw new BadRequestException("Choose at least one source");
    }
    List<Integer> y = years == null ? List.of() : years.stream().distinct().toList();
    for (int year : y) {
      if (!fetch.settings().tables().containsKey(year)) {
        throw new BadRequestException("No CBS table is known for " + year);
      }
    }
    if (y.isEmpty()
        && (chosen.contains(FetchRequest.Source.CBS)
            || chosen.contains(FetchRequest.Source.PDOK))) {
      throw new BadRequestException("Choose at least one year for CBS and PDOK");
    }
    String user = currentUser.findUsername().orElseThrow();
    FetchJobs.Job job = jobs.start(user, new FetchRequest(codes, y, chosen, null, false, user));
    return "redirect:/gegevens/ophalen?job=" + job.id();
  }

  @GetMapping(value = "/gegevens/ophalen/jobs/{id}", produces = "application/json")
  @ResponseBody
  public Map<String, Object> status(
      @PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
    java.util.Locale locale =
        org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
    FetchJobs.Job job =
        jobs.find(id, currentUser.findUsername().orElse(""))
            .orElseThrow(() -> new NotFoundException("No such fetch"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("done", job.done());
    out.put("steps", job.steps().stream().map(t -> t.in(locale)).toList());
    out.put("failure", job.failure().orElse(null));
    job.result()
        .ifPresent(
            r -> {
              out.put("status", r.report().status());
              out.put("requests", r.requests());
              out.put("fromCache", r.fromCache());
              out.put("files", r.files());
              out.put("report", r.report().toText(locale));
            });
    return out;
  }
}
