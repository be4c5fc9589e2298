package nl.veerkracht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.read.ColumnMapping;
import nl.veerkracht.imports.read.CsvTable;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import nl.veerkracht.statistics.StatisticsCatalogue;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.IndicatorCatalogue;
import nl.veerkracht.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Making a column mapping for an uploaded file whose layout no reader knows: the user says which
 * column holds the area code, the name and the year, and what each other column means. The mapping
 * is saved (for later files of the same layout) and the file is imported with it.
 */
@Controller
@WebPage
public class MappingPageController {

  static final List<String> ROLES = List.of("ignore", "code", "name", "year", "figure", "text");

  private final ImportJobs jobs;
  private final ColumnMappings mappings;
  private final CurrentUser currentUser;
  private final StatisticsCatalogue catalogue;

  public MappingPageController(
      ImportJobs jobs,
      ColumnMappings mappings,
      CurrentUser currentUser,
      StatisticsCatalogue catalogue) {
    this.jobs = jobs;
    this.mappings = mappings;
    this.currentUser = currentUser;
    this.catalogue = catalogue;
  }

  @GetMapping("/gegevens/koppeling")
  public String editor(@RequestParam String job, Model model) throws IOException {
    ImportJobs.Job j = job(job);
    String head = head(j);
    char delimiter = CsvTable.guessDelimiter(CsvTable.firstLine(head));
    CsvTable table = CsvTable.read(j.fileName(), head, delimiter);
    List<ColumnView> columns = new ArrayList<>();
    IndicatorCatalogue standard = IndicatorCatalogue.standard();
    for (int c = 0; c < table.header().size(); c++) {
      String name = table.header().get(c);
      List<String> samples = new ArrayList<>();
      for (CsvTable.Row row : table.rows()) {
        if (samples.size() < 3 && row.get(c) != null) {
          samples.add(row.get(c));
        }
      }
      String known = standard.findIdForColumn(name).orElse("");
      columns.add(new ColumnView(c, name, samples, suggestRole(name, samples, known), known));
    }
    List<Membership> analystOf =
        currentUser.memberships().stream().filter(m -> m.role().canImport()).toList();
    String suggested =
        j.fileName()
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\.[a-z]+$", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    model.addAttribute(
        "view",
        new EditorView(
            job,
            j.fileName(),
            suggested.length() < 2 ? "mijn-koppeling" : suggested,
            delimiter == '\t' ? "\\t" : String.valueOf(delimiter),
            columns,
            catalogue.list().stream().filter(i -> i.origin().equals("catalogue")).toList(),
            analystOf));
    return "imports/mapping";
  }

  @PostMapping("/gegevens/koppeling")
  public String save(@RequestParam MultiValueMap<String, String> form) throws IOException {
    ImportJobs.Job j = job(form.getFirst("job"));
    String corporation = blankToNull(form.getFirst("corporation"));
    Long corporationId = mappings.writableBy(corporation);
    String head = head(j);
    String delimiter = form.getFirst("delimiter");
    CsvTable table =
        CsvTable.read(
            j.fileName(),
            head,
            delimiter == null || delimiter.isEmpty()
                ? 0
                : delimiter.equals("\\t") ? '\t' : delimiter.charAt(0));
    ColumnMapping mapping = mappingOf(form, table, j.fileName(), delimiter);
    try {
      mappings.save(
          mapping,
          corporationId,
          currentUser.findUsername().orElse("?"),
          currentUser.isAdministrator());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    ImportRequest original = j.request();
    ImportRequest again =
        new ImportRequest(
            original.files(),
            null,
            original.year(),
            corporationId,
            mapping.name(),
            currentUser.findUsername().orElse("?"),
            original.repairGeometry());
    ImportJobs.Job next = jobs.start(again, currentUser.findUsername().orElseThrow());
    return "redirect:/gegevens?job=" + next.id();
  }

  /** The mapping the form describes: a role for every column of the file. */
  private static ColumnMapping mappingOf(
      MultiValueMap<String, String> form, CsvTable table, String fileName, String delimiter) {
    Map<String, String> roles = new LinkedHashMap<>();
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> text = new ArrayList<>();
    List<String> ignore = new ArrayList<>();
    for (int c = 0; c < table.header().size(); c++) {
      String column = table.header().get(c);
      String role = form.getFirst("role_" + c);
      if (role == null || !ROLES.contains(role)) {
        throw new BadRequestException(
            Text.msg("error.imports.chooseRole", "column", String.valueOf(column)));
      }
      switch (role) {
        case "code", "name", "year" -> roles.put(role, column);
        case "text" -> text.add(column);
        case "ignore" -> ignore.add(column);
        default -> {
          String indicator = blankToNull(form.getFirst("indicator_" + c));
          if (indicator != null) {
            columns.put(column, indicator);
          }
        }
      }
    }
    if (!roles.containsKey("code")) {
      throw new BadRequestException(Text.msg("error.imports.chooseCode"));
    }
    String yearColumn = roles.get("year");
    Integer fixedYear = yearColumn == null ? fixedYear(form) : null;
    return new ColumnMapping(
        blankToNull(form.getFirst("name")),
        "Made on the upload page for " + fileName,
        new ColumnMapping.Match(null, List.copyOf(table.header()), null),
        "csv",
        delimiter,
        roles.get("code"),
        roles.get("name"),
        new ColumnMapping.Year(fixedYear, yearColumn),
        columns,
        text,
        ignore,
        List.of(),
        "src",
        List.of(),
        null,
        blankToNull(form.getFirst("source")),
        null,
        null,
        null);
  }

  private static Integer fixedYear(MultiValueMap<String, String> form) {
    String fixed = blankToNull(form.getFirst("year"));
    if (fixed == null) {
      throw new BadRequestException(Text.msg("error.imports.chooseYear"));
    }
    try {
      return Integer.valueOf(fixed.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(Text.msg("error.imports.yearNumber"));
    }
  }

  private ImportJobs.Job job(String id) {
    return jobs.find(id == null ? "" : id, currentUser.findUsername().orElse(""))
        .orElseThrow(() -> new NotFoundException(Text.msg("error.imports.uploadGone")));
  }

  /** The first lines of the kept upload (at most 64 kB, whole lines). */
  private static String head(ImportJobs.Job job) throws IOException {
    var path =
        job.upload().orElseThrow(() -> new NotFoundException(Text.msg("error.imports.uploadGone")));
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(1 << 16);
    }
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    int lines = 0;
    int cut = 0;
    for (int i = 0; i < s.length() && lines < 8; i++) {
      if (s.charAt(i) == '\n') {
        lines++;
        cut = i + 1;
      }
    }
    return cut > 0 ? s.substring(0, cut) : s;
  }

  static String suggestRole(String name, List<String> samples, String known) {
    String n = Indicator.normalise(name);
    if (!samples.isEmpty()
        && samples.stream()
            .allMatch(v -> nl.veerkracht.area.domain.AreaCode.parse(v).isPresent())) {
      return "code";
    }
    if (n.equals("jaar") || n.equals("year") || n.equals("peiljaar")) {
      return "year";
    }
    if (n.contains("naam") || n.equals("name")) {
      return "name";
    }
    if (!known.isEmpty()) {
      return "figure";
    }
    if (!samples.isEmpty()
        && samples.stream().allMatch(v -> nl.veerkracht.imports.read.Values.parse(v).isPresent())) {
      return "figure";
    }
    return n.isEmpty() ? "ignore" : "text";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
