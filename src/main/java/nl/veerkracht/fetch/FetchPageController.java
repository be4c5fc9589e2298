package nl.veerkracht.fetch;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
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
  private final nl.veerkracht.area.AreaNames names;
  private final CurrentUser currentUser;

  public FetchPageController(
      FetchJobs jobs,
      FetchService fetch,
      nl.veerkracht.area.AreaNames names,
      CurrentUser currentUser) {
    this.jobs = jobs;
    this.fetch = fetch;
    this.names = names;
    this.currentUser = currentUser;
  }

  @GetMapping("/gegevens/ophalen")
  public String form(@RequestParam(required = false) String job, Model model) {
    String user = jobs.writer();
    Optional<FetchRequest> last =
        job == null ? Optional.empty() : jobs.find(job, user).map(FetchJobs.Job::request);
    List<Integer> years = new ArrayList<>(fetch.settings().tables().keySet());
    model.addAttribute(
        "view",
        last.map(
                r ->
                    view(
                        job,
                        Set.copyOf(r.gemeenten()),
                        r.allGemeenten(),
                        Set.copyOf(r.years()),
                        r.sources(),
                        null))
            .orElseGet(
                () ->
                    view(
                        job,
                        Set.of(),
                        false,
                        years.isEmpty() ? Set.of() : Set.of(years.get(years.size() - 1)),
                        EnumSet.allOf(FetchRequest.Source.class),
                        null)));
    return "fetch/fetch";
  }

  @PostMapping("/gegevens/ophalen")
  public String start(
      @RequestParam(name = "gemeente", required = false) List<String> gemeenten,
      @RequestParam(name = "all", defaultValue = "false") boolean all,
      @RequestParam(name = "year", required = false) List<Integer> years,
      @RequestParam(name = "source", required = false) List<String> sources,
      Model model) {
    String user = jobs.writer();
    Set<String> codes = new LinkedHashSet<>();
    for (String g : gemeenten == null ? List.<String>of() : gemeenten) {
      names.gemeente(g).ifPresent(codes::add);
    }
    Set<FetchRequest.Source> chosen = EnumSet.noneOf(FetchRequest.Source.class);
    for (String s : sources == null ? List.<String>of() : sources) {
      try {
        chosen.add(FetchRequest.Source.parse(s));
      } catch (IllegalArgumentException e) {
        // an unknown source is not offered by the form; it is left out
      }
    }
    Set<Integer> y =
        new LinkedHashSet<>(
            (years == null ? List.<Integer>of() : years)
                .stream().filter(fetch.settings().tables()::containsKey).toList());
    Text error = refusal(codes, all, y, chosen);
    if (error != null) {
      model.addAttribute("view", view(null, codes, all, y, chosen, error));
      return "fetch/fetch";
    }
    FetchJobs.Job job =
        jobs.start(
            user,
            new FetchRequest(
                all ? List.of() : List.copyOf(codes), List.copyOf(y), chosen, null, false, user));
    return "redirect:/gegevens/ophalen?job=" + job.id();
  }

  /** Why the choice cannot be fetched, or null when it can. */
  private static Text refusal(
      Set<String> codes, boolean all, Set<Integer> years, Set<FetchRequest.Source> sources) {
    if (!all && (codes.isEmpty() || codes.size() > 25)) {
      return Text.msg("fetch.error.gemeenten");
    }
    if (sources.isEmpty()) {
      return Text.msg("fetch.error.sources");
    }
    if (years.isEmpty()
        && (sources.contains(FetchRequest.Source.CBS)
            || sources.contains(FetchRequest.Source.PDOK))) {
      return Text.msg("fetch.error.years");
    }
    return null;
  }

  private FormView view(
      String job,
      Set<String> gemeenten,
      boolean all,
      Set<Integer> years,
      Set<FetchRequest.Source> sources,
      Text error) {
    return new FormView(
        names.gemeenten(),
        new ArrayList<>(fetch.settings().tables().keySet()),
        List.of(FetchRequest.Source.values()),
        fetch.settings().lbmEdition(),
        job,
        gemeenten,
        all,
        years,
        sources,
        error);
  }

  @GetMapping(value = "/gegevens/ophalen/jobs/{id}", produces = "application/json")
  @ResponseBody
  public Map<String, Object> status(
      @PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
    java.util.Locale locale =
        org.springframework.web.servlet.support.RequestContextUtils.getLocale(request);
    FetchJobs.Job job =
        jobs.find(id, currentUser.findUsername().orElse(""))
            .orElseThrow(() -> new NotFoundException(Text.msg("error.fetch.none")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("done", job.done());
    out.put("steps", job.steps().stream().map(t -> t.in(locale)).toList());
    out.put("failure", job.failure().map(t -> t.in(locale)).orElse(null));
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
