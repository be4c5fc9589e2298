package nl.veerkracht.fetch;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads paged JSON answers (PDOK's OGC API Features with {@code rel=next} links, the CBS OData
 * feed) into one list, refusing malformed pages and endless paging; a malformed page is dropped
 * from the cache so that a later run asks again.
 */
final class FetchPages {

  static final int MAX_PAGES = 2000;

  static final JsonMapper JSON = JsonMapper.builder().build();

  private FetchPages() {}

  static void pagedGeoJson(
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

  /**
   * Reads a CBS OData query page by page with {@code $top} and {@code $skip} (the API refuses a
   * query of more than 10,000 rows and its {@code odata.nextLink} cannot be relied on), until a
   * page comes back short.
   */
  static void pagedOData(
      Downloader http, String query, int pageSize, ArrayNode into, List<Downloader.Body> pages) {
    for (int page = 0; ; page++) {
      if (page >= MAX_PAGES) {
        throw new FetchException(
            "the CBS API kept sending pages after " + MAX_PAGES + "; nothing was changed");
      }
      String url = query + "&$top=" + pageSize + "&$skip=" + (long) page * pageSize;
      Downloader.Body body = http.get("the CBS API", url);
      JsonNode json = parse(http, "the CBS API", body);
      if (!json.isObject() || !json.path("value").isArray()) {
        http.forget(url);
        throw malformed("the CBS API", url, "no 'value' rows");
      }
      pages.add(body);
      json.path("value").forEach(into::add);
      if (json.path("value").size() < pageSize) {
        return;
      }
    }
  }

  static Downloader.Body json(Downloader http, String source, String url) {
    Downloader.Body body = http.get(source, url);
    JsonNode json = parse(http, source, body);
    if (!(json.isArray() || json.path("value").isArray())) {
      http.forget(url);
      throw malformed(source, url, "no 'value' list");
    }
    return body;
  }

  static JsonNode parse(Downloader http, String source, Downloader.Body body) {
    try {
      return JSON.readTree(body.bytes());
    } catch (JacksonException e) {
      http.forget(body.url());
      throw malformed(source, body.url(), "not JSON: " + e.getOriginalMessage());
    }
  }

  static FetchException malformed(String source, String url, String why) {
    return new FetchException(
        source + " sent a malformed page (" + why + ") for " + url + "; nothing was changed");
  }
}
