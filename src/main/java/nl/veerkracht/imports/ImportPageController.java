package nl.veerkracht.imports;

import java.util.List;
import java.util.Map;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.web.Page;
import nl.veerkracht.web.WebPage;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The upload page with progress and report, and the import history. */
@Controller
@WebPage
public class ImportPageController {

  private final ImportJobs jobs;
  private final ImportService imports;
  private final Uploads uploads;
  private final ColumnMappings mappings;
  private final CurrentUser currentUser;
  private final ImportHistory history;
  private final nl.veerkracht.VeerkrachtProperties properties;

  private final ImportUndo undo;

  public ImportPageController(
      ImportService imports,
      ImportJobs jobs,
      Uploads uploads,
      ColumnMappings mappings,
      CurrentUser currentUser,
      ImportHistory history,
      nl.veerkracht.VeerkrachtProperties properties,
      ImportUndo undo) {
    this.undo = undo;
    this.jobs = jobs;
    this.imports = imports;
    this.uploads = uploads;
    this.mappings = mappings;
    this.currentUser = currentUser;
    this.history = history;
    this.properties = properties;
  }

  @GetMapping("/gegevens")
  public String form(@RequestParam(required = false) String job, Model model) {
    List<Membership> analystOf =
        currentUser.memberships().stream().filter(m -> m.role().canImport()).toList();
    Long corporationId = analystOf.isEmpty() ? null : analystOf.get(0).corporationId();
    model.addAttribute(
        "view",
        new FormView(
            imports.kinds(),
            mappings.list(corporationId),
            analystOf,
            job,
            properties.imports().maxUploadBytes(),
            currentUser.isPublicDataWriter()));
    return "imports/imports";
  }

  @PostMapping("/gegevens/upload")
  @ResponseBody
  public Map<String, String> upload(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String corporation,
      @RequestParam(required = false) String mapping,
      @RequestParam(required = false, defaultValue = "false") boolean repair) {
    ImportRequest request = uploads.request(file, kind, year, corporation, mapping, repair);
    ImportJobs.Job job = jobs.start(request, currentUser.findUsername().orElseThrow());
    return Map.of("job", job.id());
  }

  @GetMapping("/gegevens/jobs/{id}")
  @ResponseBody
  public ResponseEntity<Map<String, Object>> status(
      @PathVariable String id, @ModelAttribute("page") Page page) {
    ImportJobs.Job job = job(id);
    return ResponseEntity.ok(
        Map.of(
            "phase",
            page.phase(job.phase()),
            "rowsRead",
            job.rowsRead(),
            "done",
            job.done(),
            "file",
            job.fileName()));
  }

  @GetMapping("/gegevens/jobs/{id}/report")
  public String report(@PathVariable String id, Model model) {
    ImportJobs.Job job = job(id);
    model.addAttribute("job", job);
    return "imports/import-report";
  }

  @org.springframework.web.bind.annotation.PostMapping("/gegevens/geschiedenis/{id}/ongedaan")
  public String undo(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
    try {
      undo.undo(id);
      return "redirect:/gegevens/geschiedenis?undone=" + id;
    } catch (nl.veerkracht.common.ConflictException e) {
      model.addAttribute("refused", e.getMessage());
      return history(model);
    }
  }

  @GetMapping("/gegevens/geschiedenis")
  public String history(Model model) {
    ImportHistory.Mine mine = history.mine();
    model.addAttribute("entries", mine.entries());
    model.addAttribute("runs", mine.runs());
    if (!model.containsAttribute("refused")) {
      model.addAttribute("refused", null);
    }
    return "imports/import-history";
  }

  private ImportJobs.Job job(String id) {
    return jobs.find(id, currentUser.findUsername().orElse(""))
        .orElseThrow(() -> new NotFoundException(Text.msg("error.imports.none")));
  }
}
