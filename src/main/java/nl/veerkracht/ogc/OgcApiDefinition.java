package nl.veerkracht.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API definition (OpenAPI 3.0) of {@code /ogc}: every path and query parameter, with each
 * collection's items path listing the figures it can be filtered on (a client such as GDAL reads
 * these to filter on the server).
 */
final class OgcApiDefinition {

  private OgcApiDefinition() {}

  static Map<String, Object> document(String base, Map<String, List<String>> figures) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title", "Veerkracht OGC API Features",
            "version", "1.0",
            "description", "Gemeenten, wijken en buurten met hun cijfers per jaar."));
    doc.put("servers", List.of(Map.of("url", base)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", get("landingPage", "The landing page", List.of()));
    paths.put("/conformance", get("getConformance", "Conformance classes", List.of()));
    paths.put("/api", get("getApi", "This API definition", List.of()));
    paths.put("/collections", get("getCollections", "The collections", List.of()));
    for (Map.Entry<String, List<String>> c : figures.entrySet()) {
      String id = c.getKey();
      paths.put("/collections/" + id, get("describe_" + id, "The collection " + id, List.of()));
      paths.put(
          "/collections/" + id + "/queryables",
          get(
              "queryables_" + id,
              "What " + id + " can be filtered on",
              List.of(query("datetime", "string"))));
      List<Map<String, Object>> params = new ArrayList<>(common());
      for (String text : List.of("code", "name", "gemeente_code", "parent_code")) {
        params.add(query(text, "string"));
      }
      for (String figure : c.getValue()) {
        params.add(query(figure, "number"));
      }
      paths.put("/collections/" + id + "/items", get("items_" + id, "The " + id, params));
      List<Map<String, Object>> one = new ArrayList<>();
      one.add(
          Map.of(
              "name",
              "featureId",
              "in",
              "path",
              "required",
              true,
              "schema",
              Map.of("type", "string")));
      one.add(query("datetime", "string"));
      one.add(query("crs", "string"));
      one.add(query("properties", "string"));
      paths.put(
          "/collections/" + id + "/items/{featureId}", get("item_" + id, "One of the " + id, one));
    }
    doc.put("paths", paths);
    return doc;
  }

  private static List<Map<String, Object>> common() {
    List<Map<String, Object>> p = new ArrayList<>();
    Map<String, Object> limit = query("limit", "integer");
    limit.put(
        "schema",
        Map.of(
            "type",
            "integer",
            "minimum",
            1,
            "maximum",
            OgcFeatures.MAX_LIMIT,
            "default",
            OgcFeatures.DEFAULT_LIMIT));
    p.add(limit);
    p.add(query("offset", "integer"));
    Map<String, Object> bbox = query("bbox", "array");
    bbox.put(
        "schema",
        Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")));
    bbox.put("style", "form");
    bbox.put("explode", false);
    p.add(bbox);
    p.add(query("bbox-crs", "string"));
    p.add(query("datetime", "string"));
    p.add(query("crs", "string"));
    p.add(query("properties", "string"));
    return p;
  }

  private static Map<String, Object> query(String name, String type) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", "query");
    p.put("required", false);
    p.put("schema", Map.of("type", type));
    return p;
  }

  private static Map<String, Object> get(
      String operationId, String summary, List<Map<String, Object>> parameters) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", operationId);
    op.put("summary", summary);
    op.put("parameters", parameters);
    op.put("responses", Map.of("200", Map.of("description", summary)));
    return Map.of("get", op);
  }
}
