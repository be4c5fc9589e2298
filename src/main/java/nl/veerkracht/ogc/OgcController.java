package nl.veerkracht.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API Features under {@code /ogc}: what QGIS, ArcGIS and GDAL connect to. Landing page,
 * conformance, the API definition (OpenAPI 3.0), collections, queryables and items, as JSON (and
 * the landing page and collections as HTML for a person in a browser).
 */
@RestController
public class OgcController {

  static final MediaType OPENAPI =
      MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0");

  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OgcFeatures features;
  private final OgcStaffCollections staff;
  private final OgcPageCache pages;

  private final OgcCollectionDocuments documents;

  public OgcController(
      OgcFeatures features,
      OgcStaffCollections staff,
      OgcPageCache pages,
      OgcCollectionDocuments documents) {
    this.documents = documents;
    this.features = features;
    this.staff = staff;
    this.pages = pages;
  }

  static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").toUriString();
  }

  @GetMapping("/ogc")
  public ResponseEntity<String> landing(
      @RequestParam(required = false) String f, HttpServletRequest request) {
    String base = base();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", "Veerkracht");
    out.put(
        "description",
        "Gemeenten, wijken en buurten met hun cijfers (CBS, Leefbaarometer en afgeleid), per jaar.");
    out.put(
        "links",
        List.of(
            OgcParameters.link(base, "self", "application/json", "this document"),
            OgcParameters.link(base + "?f=html", "alternate", "text/html", "this document as HTML"),
            OgcParameters.link(
                base + "/api", "service-desc", OPENAPI.toString(), "the API definition"),
            OgcParameters.link(
                base + "/conformance", "conformance", "application/json", "conformance classes"),
            OgcParameters.link(base + "/collections", "data", "application/json", "collections")));
    if (OgcResponses.wantsHtml(f, request)) {
      return OgcResponses.html(
          "Veerkracht — OGC API Features",
          "<p>"
              + HtmlUtils.htmlEscape((String) out.get("description"))
              + "</p><ul><li><a href=\""
              + base
              + "/collections?f=html\">Collecties</a></li><li><a href=\""
              + base
              + "/api\">API-definitie (OpenAPI 3.0)</a></li><li><a href=\""
              + base
              + "/conformance\">Conformiteit</a></li></ul>");
    }
    return OgcResponses.json(out, MediaType.APPLICATION_JSON, request);
  }

  @GetMapping("/ogc/conformance")
  public ResponseEntity<String> conformance(HttpServletRequest request) {
    return OgcResponses.json(
        Map.of("conformsTo", CONFORMANCE), MediaType.APPLICATION_JSON, request);
  }

  @GetMapping("/ogc/api")
  public ResponseEntity<String> api(HttpServletRequest request) {
    return OgcResponses.json(
        OgcApiDefinition.document(base(), documents.figuresPerCollection()), OPENAPI, request);
  }

  @GetMapping("/ogc/collections")
  public ResponseEntity<String> collections(
      @RequestParam(required = false) String f, HttpServletRequest request) {
    String base = base();
    List<Map<String, Object>> all = new ArrayList<>();
    for (String id : List.of("gemeenten", "wijken", "buurten")) {
      Map<String, Object> c = documents.collection(base, id);
      if (c != null) {
        all.add(c);
      }
    }
    // a corporation's staff also see their complexes and their ateliers' results
    staff
        .available()
        .forEach((id, title) -> all.add(OgcCollectionDocuments.staffCollection(base, id, title)));
    if (OgcResponses.wantsHtml(f, request)) {
      StringBuilder b = new StringBuilder("<ul>");
      for (Map<String, Object> c : all) {
        b.append("<li><a href=\"")
            .append(base)
            .append("/collections/")
            .append(c.get("id"))
            .append("/items?limit=10\">")
            .append(HtmlUtils.htmlEscape((String) c.get("title")))
            .append("</a> — ")
            .append(HtmlUtils.htmlEscape((String) c.get("description")))
            .append("</li>");
      }
      return OgcResponses.html("Collecties", b.append("</ul>").toString());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "links",
        List.of(
            OgcParameters.link(base + "/collections", "self", "application/json", "collections")));
    out.put("collections", all);
    return OgcResponses.json(out, MediaType.APPLICATION_JSON, request);
  }

  @GetMapping("/ogc/collections/{collectionId}")
  public ResponseEntity<String> collection(
      @PathVariable String collectionId, HttpServletRequest request) {
    if (OgcStaffCollections.isStaffCollection(collectionId)) {
      String title = staff.available().get(collectionId);
      if (title == null) {
        throw new nl.veerkracht.common.NotFoundException(
            nl.veerkracht.common.Text.msg("ogc.error.collection", "id", collectionId));
      }
      return OgcResponses.json(
          OgcCollectionDocuments.staffCollection(base(), collectionId, title),
          MediaType.APPLICATION_JSON,
          request);
    }
    features.level(collectionId);
    Map<String, Object> c = documents.collection(base(), collectionId);
    if (c == null) {
      throw new nl.veerkracht.common.NotFoundException(
          nl.veerkracht.common.Text.msg("ogc.error.noBoundaries"));
    }
    return OgcResponses.json(c, MediaType.APPLICATION_JSON, request);
  }

  @GetMapping("/ogc/collections/{collectionId}/queryables")
  public ResponseEntity<String> queryables(
      @PathVariable String collectionId,
      @RequestParam(required = false) String datetime,
      HttpServletRequest request) {
    if (OgcStaffCollections.isStaffCollection(collectionId)) {
      // the properties the staff collection's features carry, typed by their values
      Map<String, Object> properties = new LinkedHashMap<>();
      for (OgcStaffCollections.Item i : staff.items(collectionId, request)) {
        i.properties()
            .forEach(
                (k, v) ->
                    properties.putIfAbsent(
                        k, Map.of("type", v instanceof Number ? "number" : "string")));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("$schema", "https://json-schema.org/draft/2019-09/schema");
      out.put("$id", base() + "/collections/" + collectionId + "/queryables");
      out.put("type", "object");
      out.put("properties", properties);
      return OgcResponses.json(out, MediaType.parseMediaType("application/schema+json"), request);
    }
    AreaLevel level = features.level(collectionId);
    int year = features.year(level, datetime);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("code", Map.of("title", "CBS-code", "type", "string"));
    properties.put("name", Map.of("title", "Naam", "type", "string"));
    properties.put("gemeente_code", Map.of("title", "Gemeentecode", "type", "string"));
    properties.put("parent_code", Map.of("title", "Code van wijk of gemeente", "type", "string"));
    for (OgcRepository.Figure fig : features.figures(level, year)) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("title", fig.labelNl());
      p.put("description", fig.labelEn() + (fig.unit().isBlank() ? "" : " (" + fig.unit() + ")"));
      p.put("type", "number");
      properties.put(fig.id(), p);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("$schema", "https://json-schema.org/draft/2019-09/schema");
    out.put("$id", base() + "/collections/" + collectionId + "/queryables");
    out.put("type", "object");
    out.put("title", collectionId + " " + year);
    out.put("properties", properties);
    return OgcResponses.json(out, MediaType.parseMediaType("application/schema+json"), request);
  }

  @GetMapping("/ogc/collections/{collectionId}/items")
  public ResponseEntity<?> items(
      @PathVariable String collectionId,
      @RequestParam Map<String, String> params,
      HttpServletRequest request)
      throws java.io.IOException {
    if ("gpkg".equals(params.get("f"))) {
      return geoPackage(collectionId, params, request);
    }
    if (OgcResponses.wantsHtml(params.get("f"), request)) {
      return itemsHtml(collectionId, params, request);
    }
    if (OgcStaffCollections.isStaffCollection(collectionId)) {
      return crs(
          OgcStaffCollections.page(
              collectionId, staff.items(collectionId, request), params, base()),
          params.get("crs"),
          request);
    }
    // public data changes only with an import or an analysis: a client that holds this page for
    // the current data gets 304 before anything is read
    String etag =
        "W/\""
            + features.dataVersion()
            + "-"
            + Integer.toHexString((base() + new java.util.TreeMap<>(params)).hashCode())
            + "\"";
    String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (match != null && match.contains(etag.substring(2))) {
      return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_MODIFIED)
          .eTag(etag)
          .build();
    }
    byte[] gzipped = pages.get(etag);
    if (gzipped == null) {
      gzipped = OgcResponses.gzip(features.items(collectionId, params, base()));
      pages.put(etag, gzipped);
    }
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .contentType(OgcResponses.GEO_JSON)
            .eTag(etag)
            .header("Content-Crs", "<" + OgcParameters.crs(params.get("crs")) + ">")
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
    String accepts = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    if (accepts != null && accepts.contains("gzip")) {
      return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped);
    }
    return ok.body(OgcResponses.gunzip(gzipped));
  }

  @GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
  public ResponseEntity<String> feature(
      @PathVariable String collectionId,
      @PathVariable String featureId,
      @RequestParam Map<String, String> params,
      HttpServletRequest request) {
    if (OgcStaffCollections.isStaffCollection(collectionId)) {
      List<OgcStaffCollections.Item> one =
          staff.items(collectionId, request).stream()
              .filter(i -> i.id().equals(featureId))
              .toList();
      if (one.isEmpty()) {
        throw new nl.veerkracht.common.NotFoundException(
            nl.veerkracht.common.Text.msg(
                "ogc.error.feature", "collection", collectionId, "code", featureId, "year", "-"));
      }
      return crs(
          OgcStaffCollections.feature(one.get(0), params.get("crs")), params.get("crs"), request);
    }
    return crs(features.feature(collectionId, featureId, params), params.get("crs"), request);
  }

  /** A page of items as a table for a person in a browser, with its next page. */
  private ResponseEntity<String> itemsHtml(
      String collectionId, Map<String, String> params, HttpServletRequest request) {
    Map<String, String> asked = new LinkedHashMap<>(params);
    asked.put("f", "html");
    asked.putIfAbsent("limit", "50");
    String json =
        OgcStaffCollections.isStaffCollection(collectionId)
            ? OgcStaffCollections.page(
                collectionId, staff.items(collectionId, request), asked, base())
            : features.items(collectionId, asked, base());
    return OgcResponses.itemsTable(collectionId, json);
  }

  /**
   * Every feature the request selects as a GeoPackage (one layer named after the collection), in RD
   * New when {@code crs} asks for it, else WGS84: a map view, one area, the complexes.
   */
  private ResponseEntity<byte[]> geoPackage(
      String collectionId, Map<String, String> params, HttpServletRequest request)
      throws java.io.IOException {
    boolean rd = OgcParameters.crs(params.get("crs")).equals(OgcFeatures.RD_NEW);
    List<OgcStaffCollections.Item> items;
    mil.nga.sf.GeometryType type;
    if (OgcStaffCollections.isStaffCollection(collectionId)) {
      items = staff.items(collectionId, request);
      type = mil.nga.sf.GeometryType.GEOMETRY;
    } else {
      items = features.allItems(collectionId, params);
      type = mil.nga.sf.GeometryType.MULTIPOLYGON;
    }
    String layer = collectionId.replace('-', '_');
    byte[] file = GeoPackageFiles.write(List.of(new GeoPackageFiles.Layer(layer, type, items)), rd);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geopackage+sqlite3"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename(layer + (rd ? "_rd" : "_wgs84") + ".gpkg")
                .build()
                .toString())
        .body(file);
  }

  private ResponseEntity<String> crs(String body, String crs, HttpServletRequest request) {
    ResponseEntity<String> r = OgcResponses.json(body, OgcResponses.GEO_JSON, request);
    return ResponseEntity.status(r.getStatusCode())
        .headers(r.getHeaders())
        .header("Content-Crs", "<" + OgcParameters.crs(crs) + ">")
        .body(r.getBody());
  }
}
