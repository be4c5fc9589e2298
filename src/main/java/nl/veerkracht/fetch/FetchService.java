package nl.veerkracht.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.common.Text;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import nl.veerkracht.imports.RunLogRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches the official open data for some gemeenten and years — the Wijk- en buurtkaart from PDOK
 * (OGC API Features), Kerncijfers wijken en buurten from the CBS OData feed with its DataProperties
 * and TableInfos, the Leefbaarometer open-data zip — and imports all of it in one all-or-nothing
 * run of the ordinary import pipeline, recording each file's URL. Any download that fails leaves
 * the database as it was.
 */
@Service
public class FetchService {

  /** Progress for the page and the command. */
  public interface Progress {
    void step(Text message);

    Progress NONE = m -> {};
  }

  /** What a fetch did. */
  public record Result(
      List<String> files, int requests, int fromCache, ImportReport report, boolean imported) {}

  /** One fetch in progress: where its files go and what it has downloaded. */
  private static final class Run {
    final Path folder;
    final Downloader http;
    final FetchRequest request;
    final Progress progress;
    final List<ImportRequest.NamedFile> files = new ArrayList<>();
    final String gemeenten;
    int cached;

    Run(Path folder, Downloader http, FetchRequest request, Progress progress) {
      this.folder = folder;
      this.http = http;
      this.request = request;
      this.progress = progress;
      this.gemeenten = request.gemeentenLabel();
    }

    void add(String name, byte[] bytes, String url) {
      try {
        Path p = folder.resolve(name);
        Files.write(p, bytes);
        files.add(new ImportRequest.NamedFile(name, p, url));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void countCached(List<Downloader.Body> pages) {
      cached += (int) pages.stream().filter(Downloader.Body::cached).count();
    }
  }

  private final FetchSettings settings;
  private final ImportService imports;
  private final VeerkrachtProperties properties;

  private final RunLogRepository runLog;

  public FetchService(
      FetchSettings settings,
      ImportService imports,
      VeerkrachtProperties properties,
      RunLogRepository runLog) {
    this.settings = settings;
    this.imports = imports;
    this.properties = properties;
    this.runLog = runLog;
  }

  public FetchSettings settings() {
    return settings;
  }

  /** Downloads everything asked (or takes it from the cache), then imports it in one run. */
  public Result run(FetchRequest request, Progress progress) {
    Path folder;
    try {
      folder =
          Files.createTempDirectory(
              Files.createDirectories(properties.home().resolve("fetch/work")), "fetch");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Downloader http =
        new Downloader(settings, properties.home().resolve("fetch/cache"), request.refresh());
    Run run = new Run(folder, http, request, progress);
    try {
      if (request.sources().contains(FetchRequest.Source.PDOK)) {
        pdok(run);
      }
      if (request.sources().contains(FetchRequest.Source.CBS)) {
        for (int year : request.years()) {
          cbs(run, year);
        }
      }
      if (request.sources().contains(FetchRequest.Source.LBM)) {
        leefbaarometer(run);
      }
      progress.step(Text.msg("fetch.step.import", "n", run.files.size()));
      ImportReport report =
          imports.run(
              new ImportRequest(run.files, null, null, null, null, request.actor(), false),
              ImportService.Progress.NONE);
      return new Result(
          run.files.stream().map(ImportRequest.NamedFile::name).toList(),
          http.requests(),
          run.cached,
          report,
          !report.rejected());
    } catch (FetchException e) {
      // the import never started: log the failed fetch, so that the history shows it
      runLog.record(request.actor(), null, List.of(describe(request)), "failed", e.text());
      throw e;
    } finally {
      deleteAll(folder);
    }
  }

  /** What a fetch asked for, for the history: "fetch GM0308, GM0342; 2024; pdok, cbs, lbm". */
  static String describe(FetchRequest request) {
    String where = request.allGemeenten() ? "NL" : String.join(", ", request.gemeenten());
    return "fetch "
        + where
        + "; "
        + String.join(", ", request.years().stream().map(String::valueOf).toList())
        + "; "
        + String.join(
            ", ",
            request.sources().stream()
                .map(x -> x.name().toLowerCase(java.util.Locale.ROOT))
                .toList());
  }

  private void pdok(Run run) {
    for (int year : run.request.years()) {
      for (String collection : List.of("gemeenten", "wijken", "buurten")) {
        run.progress.step(Text.msg("fetch.step.pdok", "collection", collection, "year", year));
        List<Downloader.Body> pages = new ArrayList<>();
        ArrayNode features = FetchPages.JSON.createArrayNode();
        String items =
            settings.pdokUrl()
                + "/wijken-en-buurten-"
                + year
                + "/ogc/v1/collections/"
                + collection
                + "/items?f=json&limit=1000";
        if (run.request.allGemeenten()) {
          FetchPages.pagedGeoJson(run.http, "PDOK", items, features, pages);
        }
        for (String gm : run.request.gemeenten()) {
          String url = items + "&gemeentecode=" + enc(gm);
          FetchPages.pagedGeoJson(run.http, "PDOK", url, features, pages);
        }
        run.countCached(pages);
        ObjectNode fc = FetchPages.JSON.createObjectNode();
        fc.put("type", "FeatureCollection");
        fc.set("features", features);
        String name = "pdok_wijkenbuurten_" + year + "_" + collection + "_" + run.gemeenten;
        run.add(name + ".geojson", FetchPages.JSON.writeValueAsBytes(fc), pages.get(0).url());
      }
    }
  }

  private void cbs(Run run, int year) {
    String table = settings.tables().get(year);
    if (table == null) {
      throw new FetchException(
          "No CBS Kerncijfers table is known for "
              + year
              + " (set veerkracht.fetch.tables["
              + year
              + "]); nothing was changed",
          Text.msg("fetch.error.noTable", "year", year));
    }
    String base = settings.cbsUrl() + "/" + table;
    run.progress.step(Text.msg("fetch.step.cbs.infos", "table", table));
    Downloader.Body infos =
        FetchPages.json(run.http, "the CBS API", base + "/TableInfos?$format=json");
    run.progress.step(Text.msg("fetch.step.cbs.properties", "table", table));
    Downloader.Body props =
        FetchPages.json(run.http, "the CBS API", base + "/DataProperties?$format=json");
    run.progress.step(Text.msg("fetch.step.cbs.rows", "table", table));
    List<String> conditions = new ArrayList<>();
    for (String gm : run.request.gemeenten()) {
      String digits = gm.substring(2);
      for (String prefix : List.of("GM", "WK", "BU")) {
        conditions.add("startswith(WijkenEnBuurten,'" + prefix + digits + "')");
      }
    }
    String url =
        base
            + "/TypedDataSet?$format=json"
            + (conditions.isEmpty() ? "" : "&$filter=" + enc(String.join(" or ", conditions)));
    ArrayNode rows = FetchPages.JSON.createArrayNode();
    List<Downloader.Body> pages = new ArrayList<>();
    FetchPages.pagedOData(run.http, url, settings.cbsPageSize(), rows, pages);
    run.countCached(pages);
    run.cached += (infos.cached() ? 1 : 0) + (props.cached() ? 1 : 0);
    String prefix = "kwb" + year + "_" + table + "_";
    run.add(prefix + "TableInfos.json", infos.bytes(), infos.url());
    run.add(prefix + "DataProperties.json", props.bytes(), props.url());
    ObjectNode data = FetchPages.JSON.createObjectNode();
    data.set("value", rows);
    run.add(prefix + run.gemeenten + ".json", FetchPages.JSON.writeValueAsBytes(data), url);
    run.progress.step(Text.msg("fetch.step.cbs.count", "table", table, "n", rows.size()));
  }

  private void leefbaarometer(Run run) {
    int edition =
        run.request.lbmEdition() != null ? run.request.lbmEdition() : settings.lbmEdition();
    String url = settings.lbmUrl() + "/open-data-leefbaarometer-meting-" + edition + ".zip";
    run.progress.step(Text.msg("fetch.step.lbm", "edition", edition));
    Downloader.Body zip = run.http.get("the Leefbaarometer site", url);
    run.cached += zip.cached() ? 1 : 0;
    byte[] csv = LeefbaarometerZip.buurtRows(zip, run.request.gemeenten(), run.http);
    run.add("lbm3_buurten_meting_" + run.gemeenten + ".csv", csv, url);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void deleteAll(Path folder) {
    try (var files = Files.list(folder)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // leftovers in the work folder are harmless
    }
  }
}
