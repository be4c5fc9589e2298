package nl.veerkracht.fetch;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.veerkracht.VeerkrachtProperties;
import nl.veerkracht.imports.ImportReport;
import nl.veerkracht.imports.ImportRequest;
import nl.veerkracht.imports.ImportService;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
    void step(String message);

    Progress NONE = m -> {};
  }

  /** What a fetch did. */
  public record Result(
      List<String> files, int requests, int fromCache, ImportReport report, boolean imported) {}

  static final int MAX_PAGES = 2000;
  static final long MAX_ZIP_ENTRY_BYTES = 2L << 30;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FetchSettings settings;
  private final ImportService imports;
  private final VeerkrachtProperties properties;

  public FetchService(
      FetchSettings settings, ImportService imports, VeerkrachtProperties properties) {
    this.settings = settings;
    this.imports = imports;
    this.properties = properties;
  }

  public FetchSettings settings() {
    return settings;
  }

  /** Downloads everything asked (or takes it from the cache), then imports it in one run. */
  public Result run(FetchRequest request, Progress progress) {
    Path folder;
    try {
      folder = Files.createTempDirectory(workRoot(), "fetch");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Downloader http =
        new Downloader(settings, properties.home().resolve("fetch/cache"), request.refresh());
    List<ImportRequest.NamedFile> files = new ArrayList<>();
    int[] cached = {0};
    try {
      String gms = String.join("_", request.gemeenten());
      if (request.sources().contains(FetchRequest.Source.PDOK)) {
        for (int year : request.years()) {
          for (String collection : List.of("gemeenten", "wijken", "buurten")) {
            progress.step("PDOK " + collection + " " + year);
            List<Downloader.Body> pages = new ArrayList<>();
            ArrayNode features = JSON.createArrayNode();
            for (String gm : request.gemeenten()) {
              String url =
                  settings.pdokUrl()
                      + "/wijken-en-buurten-"
                      + year
                      + "/ogc/v1/collections/"
                      + collection
                      + "/items?f=json&limit=1000&gemeentecode="
                      + enc(gm);
              pagedGeoJson(http, "PDOK", url, features, pages);
            }
            cached[0] += (int) pages.stream().filter(Downloader.Body::cached).count();
            ObjectNode fc = JSON.createObjectNode();
            fc.put("type", "FeatureCollection");
            fc.set("features", features);
            files.add(
                write(
                    folder,
                    "pdok_wijkenbuurten_" + year + "_" + collection + "_" + gms + ".geojson",
                    JSON.writeValueAsBytes(fc),
                    pages.get(0).url()));
          }
        }
      }
      if (request.sources().contains(FetchRequest.Source.CBS)) {
        for (int year : request.years()) {
          String table = settings.tables().get(year);
          if (table == null) {
            throw new FetchException(
                "No CBS Kerncijfers table is known for "
                    + year
                    + " (set veerkracht.fetch.tables["
                    + year
                    + "]); nothing was changed");
          }
          String base = settings.cbsUrl() + "/" + table;
          progress.step("CBS " + table + " TableInfos");
          Downloader.Body infos = json(http, "the CBS API", base + "/TableInfos?$format=json");
          progress.step("CBS " + table + " DataProperties");
          Downloader.Body props = json(http, "the CBS API", base + "/DataProperties?$format=json");
          progress.step("CBS " + table + " rows");
          List<String> conditions = new ArrayList<>();
          for (String gm : request.gemeenten()) {
            String digits = gm.substring(2);
            for (String prefix : List.of("GM", "WK", "BU")) {
              conditions.add("startswith(WijkenEnBuurten,'" + prefix + digits + "')");
            }
          }
          String url =
              base + "/TypedDataSet?$format=json&$filter=" + enc(String.join(" or ", conditions));
          ArrayNode rows = JSON.createArrayNode();
          List<Downloader.Body> pages = new ArrayList<>();
          pagedOData(http, url, rows, pages);
          cached[0] +=
              (infos.cached() ? 1 : 0)
                  + (props.cached() ? 1 : 0)
                  + (int) pages.stream().filter(Downloader.Body::cached).count();
          files.add(
              write(
                  folder,
                  "kwb" + year + "_" + table + "_TableInfos.json",
                  infos.bytes(),
                  infos.url()));
          files.add(
              write(
                  folder,
                  "kwb" + year + "_" + table + "_DataProperties.json",
                  props.bytes(),
                  props.url()));
          ObjectNode data = JSON.createObjectNode();
          data.set("value", rows);
          files.add(
              write(
                  folder,
                  "kwb" + year + "_" + table + "_" + gms + ".json",
                  JSON.writeValueAsBytes(data),
                  url));
          progress.step("CBS " + table + ": " + rows.size() + " rows");
        }
      }
      if (request.sources().contains(FetchRequest.Source.LBM)) {
        int edition = request.lbmEdition() != null ? request.lbmEdition() : settings.lbmEdition();
        String url = settings.lbmUrl() + "/open-data-leefbaarometer-meting-" + edition + ".zip";
        progress.step("Leefbaarometer " + edition);
        Downloader.Body zip = http.get("the Leefbaarometer site", url);
        cached[0] += zip.cached() ? 1 : 0;
        byte[] csv = buurtRows(zip, request.gemeenten(), http);
        files.add(write(folder, "lbm3_buurten_meting_" + gms + ".csv", csv, url));
      }
      progress.step("importing " + files.size() + " files");
      ImportReport report =
          imports.run(
              new ImportRequest(files, null, null, null, null, request.actor(), false),
              ImportService.Progress.NONE);
      return new Result(
          files.stream().map(ImportRequest.NamedFile::name).toList(),
          http.requests(),
          cached[0],
          report,
          !report.rejected());
    } finally {
      deleteAll(folder);
    }
  }

  private void pagedGeoJson(
      Downloader http, String source, String first, ArrayNode into, List<Downloader.Body> pages) {
    String url = first;
    for (int page = 0; url != null; page++) {
      if (page >= MAX_PAGES) {
        throw new FetchException(
            source + " kept sending pages after " + MAX_PAGES + "; nothing was changed");
      }
      Downloader.Body body = http.get(source, url);
      JsonNode json = parse(http, source, body);
      if (!json.isObject() || !json.path("features").isArray()) {
        http.forget(url);
        throw malformed(source, url, "no GeoJSON features");
      }
      pages.add(body);
      json.path("features").forEach(into::add);
      String next = null;
      for (JsonNode link : json.path("links")) {
        if ("next".equals(link.path("rel").asString(""))) {
          next = link.path("href").asString(null);
        }
      }
      url = next;
    }
  }

  private void pagedOData(
      Downloader http, String first, ArrayNode into, List<Downloader.Body> pages) {
    String url = first;
    for (int page = 0; url != null; page++) {
      if (page >= MAX_PAGES) {
        throw new FetchException(
            "the CBS API kept sending pages after " + MAX_PAGES + "; nothing was changed");
      }
      Downloader.Body body = http.get("the CBS API", url);
      JsonNode json = parse(http, "the CBS API", body);
      if (!json.isObject() || !json.path("value").isArray()) {
        http.forget(url);
        throw malformed("the CBS API", url, "no 'value' rows");
      }
      pages.add(body);
      json.path("value").forEach(into::add);
      JsonNode next = json.path("odata.nextLink");
      url = next.isString() && !next.asString().isBlank() ? next.asString() : null;
    }
  }

  private Downloader.Body json(Downloader http, String source, String url) {
    Downloader.Body body = http.get(source, url);
    JsonNode json = parse(http, source, body);
    if (!(json.isArray() || json.path("value").isArray())) {
      http.forget(url);
      throw malformed(source, url, "no 'value' list");
    }
    return body;
  }

  private static JsonNode parse(Downloader http, String source, Downloader.Body body) {
    try {
      return JSON.readTree(body.bytes());
    } catch (JacksonException e) {
      http.forget(body.url());
      throw malformed(source, body.url(), "not JSON: " + e.getOriginalMessage());
    }
  }

  private static FetchException malformed(String source, String url, String why) {
    return new FetchException(
        source + " sent a malformed page (" + why + ") for " + url + "; nothing was changed");
  }

  /** The buurt CSV of the Leefbaarometer zip, cut down to the gemeenten asked. */
  private static byte[] buurtRows(Downloader.Body zip, List<String> gemeenten, Downloader http) {
    List<String> prefixes = gemeenten.stream().map(g -> "BU" + g.substring(2)).toList();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
      ZipEntry e;
      List<String> seen = new ArrayList<>();
      while ((e = in.getNextEntry()) != null) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        seen.add(e.getName());
        if (e.isDirectory() || !name.endsWith(".csv") || !name.contains("buurt")) {
          continue;
        }
        BufferedReader r =
            new BufferedReader(
                new InputStreamReader(
                    new LimitedStream(in, MAX_ZIP_ENTRY_BYTES), StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
          continue;
        }
        if (header.startsWith("\uFEFF")) {
          header = header.substring(1);
        }
        char sep = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        String[] cols = header.split(String.valueOf(sep), -1);
        int code = -1;
        for (int i = 0; i < cols.length; i++) {
          if (cols[i].replace("\"", "").strip().equalsIgnoreCase("bu_code")) {
            code = i;
          }
        }
        if (code < 0) {
          continue;
        }
        StringBuilder out = new StringBuilder(header).append('\n');
        String line;
        int kept = 0;
        while ((line = r.readLine()) != null) {
          String[] cells = line.split(String.valueOf(sep), -1);
          if (cells.length <= code) {
            continue;
          }
          String bu = cells[code].replace("\"", "").strip();
          if (prefixes.stream().anyMatch(bu::startsWith)) {
            out.append(line).append('\n');
            kept++;
          }
        }
        if (kept == 0) {
          throw new FetchException(
              "The Leefbaarometer file "
                  + e.getName()
                  + " holds no buurten of "
                  + String.join(", ", gemeenten)
                  + "; nothing was changed");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
      }
      http.forget(zip.url());
      throw malformed(
          "the Leefbaarometer site", zip.url(), "no buurt CSV with a bu_code column among " + seen);
    } catch (IOException e) {
      http.forget(zip.url());
      throw malformed(
          "the Leefbaarometer site", zip.url(), "not a readable zip: " + e.getMessage());
    }
  }

  private static ImportRequest.NamedFile write(Path folder, String name, byte[] bytes, String url) {
    try {
      Path p = folder.resolve(name);
      Files.write(p, bytes);
      return new ImportRequest.NamedFile(name, p, url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path workRoot() throws IOException {
    return Files.createDirectories(properties.home().resolve("fetch/work"));
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

  /** Stops reading an entry that inflates beyond a sane size. */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private long left;

    LimitedStream(java.io.InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left-- <= 0) {
        throw new IOException("entry larger than " + MAX_ZIP_ENTRY_BYTES + " bytes");
      }
      return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("entry larger than " + MAX_ZIP_ENTRY_BYTES + " bytes");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() {
      // the zip stream is closed by its owner
    }
  }
}
