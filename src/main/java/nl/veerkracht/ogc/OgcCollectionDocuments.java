package nl.veerkracht.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.veerkracht.area.domain.AreaLevel;
import org.springframework.stereotype.Component;

/** What the OGC API says about its collections: title, extent, years, coordinate systems, links. */
@Component
class OgcCollectionDocuments {

  private final OgcFeatures features;

  OgcCollectionDocuments(OgcFeatures features) {
    this.features = features;
  }

  /** The collections' figures, for the API definition's filter parameters. */
  Map<String, List<String>> figuresPerCollection() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : List.of("gemeenten", "wijken", "buurten")) {
      AreaLevel level = features.level(id);
      List<Integer> years = features.years(level);
      out.put(
          id,
          years.isEmpty()
              ? List.of()
              : features.figures(level, years.get(0)).stream()
                  .map(OgcRepository.Figure::id)
                  .toList());
    }
    return out;
  }

  static Map<String, Object> staffCollection(String base, String id, String title) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("title", title);
    c.put("description", title + " (alleen voor medewerkers van de corporatie)");
    c.put("itemType", "feature");
    c.put("crs", List.of(OgcFeatures.CRS84, OgcFeatures.RD_NEW));
    c.put("storageCrs", OgcFeatures.CRS84);
    c.put(
        "links",
        List.of(
            OgcParameters.link(base + "/collections/" + id, "self", "application/json", id),
            OgcParameters.link(
                base + "/collections/" + id + "/items",
                "items",
                OgcResponses.GEO_JSON.toString(),
                title)));
    return c;
  }

  /** A collection's description, or null when nothing of its level has been imported. */
  Map<String, Object> collection(String base, String id) {
    AreaLevel level = features.level(id);
    List<Integer> years = features.years(level);
    if (years.isEmpty()) {
      return null;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put(
        "title",
        switch (level) {
          case GEMEENTE -> "Gemeenten";
          case WIJK -> "Wijken";
          default -> "Buurten";
        });
    c.put(
        "description",
        "Grenzen van CBS en Kadaster per indelingsjaar ("
            + years.get(years.size() - 1)
            + "–"
            + years.get(0)
            + "), met de cijfers van dat jaar als eigenschappen; datetime kiest het jaar.");
    Map<String, Object> extent = new LinkedHashMap<>();
    features
        .extent(level, years.get(0))
        .ifPresent(
            b ->
                extent.put(
                    "spatial",
                    Map.of(
                        "bbox",
                        List.of(List.of(b[0], b[1], b[2], b[3])),
                        "crs",
                        OgcFeatures.CRS84)));
    extent.put(
        "temporal",
        Map.of(
            "interval",
            List.of(
                List.of(
                    years.get(years.size() - 1) + "-01-01T00:00:00Z",
                    years.get(0) + "-12-31T23:59:59Z")),
            "trs",
            "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
    c.put("extent", extent);
    c.put("itemType", "feature");
    c.put("crs", List.of(OgcFeatures.CRS84, OgcFeatures.RD_NEW));
    c.put("storageCrs", OgcFeatures.CRS84);
    c.put(
        "links",
        List.of(
            OgcParameters.link(base + "/collections/" + id, "self", "application/json", id),
            OgcParameters.link(
                base + "/collections/" + id + "/items",
                "items",
                OgcResponses.GEO_JSON.toString(),
                id + " (GeoJSON)"),
            OgcParameters.link(
                base + "/collections/" + id + "/queryables",
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                "application/schema+json",
                "what can be filtered on")));
    return c;
  }
}
