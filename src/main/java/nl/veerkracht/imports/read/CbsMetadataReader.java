package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.common.Text;
import nl.veerkracht.statistics.domain.Indicator;
import nl.veerkracht.statistics.domain.TableInfo;
import nl.veerkracht.statistics.domain.TableProperty;
import tools.jackson.databind.JsonNode;

/**
 * CBS OData v3 metadata of a StatLine table: {@code DataProperties} (the columns with their titles,
 * units and data types) and {@code TableInfos} (title, period, modification date). Both come as a
 * bare JSON array or as {@code {"value": [...]}}. DataProperties are kept per table year so that
 * later row imports can label unknown columns and tell text from figures.
 */
public final class CbsMetadataReader implements FormatReader {

  @Override
  public String kind() {
    return "cbs-metadata";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    if (!sniff.isJson()) {
      return false;
    }
    JsonNode first = items(sniff.json()).path(0);
    return first.isObject()
        && ((first.has("Key") && first.has("Type") && first.has("Title"))
            || (first.has("Identifier") && first.has("Title") && first.has("Period")));
  }

  static JsonNode items(JsonNode json) {
    if (json == null) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    return json.isArray() ? json : json.path("value");
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    JsonNode items = items(sniff.json());
    JsonNode first = items.path(0);
    if (first.has("Identifier")) {
      readTableInfos(items, sink);
    } else {
      readDataProperties(sniff, items, ctx, sink);
    }
  }

  private static void readTableInfos(JsonNode items, ImportSink sink) {
    for (JsonNode t : items) {
      sink.rowRead();
      TableInfo info =
          new TableInfo(
              t.path("Identifier").asString(""),
              t.path("Title").asString(""),
              t.path("Period").asString(""),
              t.path("Modified").asString(""),
              t.path("Summary").asString(""));
      sink.tableInfo(info);
      sink.note(
          Text.msg(
              "report.note.cbsTable",
              "id",
              info.identifier(),
              "title",
              info.title(),
              "modified",
              info.modified()));
      sink.rowImported();
    }
  }

  private static void readDataProperties(
      Sniff sniff, JsonNode items, ReadContext ctx, ImportSink sink) {
    Optional<Integer> mapYear = Optional.empty();
    Map<Integer, String> titles = new HashMap<>();
    Map<Integer, Integer> parents = new HashMap<>();
    for (JsonNode p : items) {
      titles.put(p.path("ID").asInt(-1), p.path("Title").asString("").strip());
      if (p.path("ParentID").isNumber()) {
        parents.put(p.path("ID").asInt(-1), p.path("ParentID").asInt());
      }
      if (p.path("Type").asString("").equals("GeoDetail") && p.path("MapYear").isNumber()) {
        mapYear = Optional.of(p.path("MapYear").asInt());
      }
    }
    int year = ctx.resolveYear(sniff.file(), mapYear, sink);
    Map<String, Integer> stemCounts = new HashMap<>();
    for (JsonNode p : items) {
      if (p.path("Type").asString("").equals("Topic")) {
        stemCounts.merge(Indicator.odataStem(p.path("Key").asString("")), 1, Integer::sum);
      }
    }
    long n = 0;
    for (JsonNode p : items) {
      n++;
      if (!p.path("Type").asString("").equals("Topic")) {
        continue; // topic groups and dimensions describe the table, not its columns
      }
      sink.rowRead();
      String key = p.path("Key").asString("");
      if (key.isBlank()) {
        sink.reject(Rejection.record(sniff.file().name(), n, "Key", "a topic without a key"));
        continue;
      }
      String parent = groupPath(p.path("ID").asInt(-1), titles, parents);
      TableProperty property =
          new TableProperty(
              key,
              year,
              p.path("Title").asString("").strip(),
              p.path("Unit").asString("").strip(),
              p.path("Datatype").asString(""),
              p.path("Decimals").asInt(0),
              parent,
              p.path("Description").asString("").strip());
      sink.tableProperty(property);
      if (!"String".equals(property.datatype()) && ctx.catalogue().findIdForColumn(key).isEmpty()) {
        boolean ambiguous = stemCounts.getOrDefault(Indicator.odataStem(key), 0) > 1;
        sink.indicator(CbsODataReader.sourceIndicator(property, ambiguous));
      }
      sink.rowImported();
    }
  }

  @Override
  public Provenance provenance() {
    return new Provenance("CBS StatLine table metadata (OData v3)", "Bron: CBS", "CC BY 4.0");
  }

  /**
   * The titles of the topic groups above a column, below the top theme, farthest first: {@code
   * "Gemiddelde elektriciteitslevering, Naar woningtype"} for {@code Appartement_54}.
   */
  static String groupPath(int id, Map<Integer, String> titles, Map<Integer, Integer> parents) {
    java.util.List<String> path = new java.util.ArrayList<>();
    Integer parent = parents.get(id);
    while (parent != null) {
      path.add(0, titles.get(parent));
      parent = parents.get(parent);
    }
    if (path.size() > 1) {
      path.remove(0);
    }
    return path.isEmpty() ? null : String.join(", ", path);
  }
}
