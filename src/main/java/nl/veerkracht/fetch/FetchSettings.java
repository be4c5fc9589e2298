package nl.veerkracht.fetch;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how {@code fetch} downloads, under {@code veerkracht.fetch.*}. Base URLs can point at a
 * mirror, a proxy or a test server.
 *
 * @param cbsUrl the CBS OData v3 feed ({@code https://opendata.cbs.nl/ODataFeed/odata}); paged with
 *     {@code $top} and {@code $skip}
 * @param pdokUrl PDOK's CBS APIs ({@code https://api.pdok.nl/cbs}); the Wijk- en buurtkaart of a
 *     year is {@code {pdokUrl}/wijken-en-buurten-{year}/ogc/v1} (OGC API Features)
 * @param lbmUrl where the Leefbaarometer publishes its open-data zips ({@code
 *     https://www.leefbaarometer.nl/resources}; {@code open-data-leefbaarometer-meting-{year}.zip})
 * @param tables per year, the StatLine table id of Kerncijfers wijken en buurten
 * @param lbmEdition the Leefbaarometer measurement to fetch (its zip holds every year back to 2002)
 * @param connectTimeoutSeconds how long to wait for a connection
 * @param readTimeoutSeconds how long to wait for one response
 * @param retries how often to retry a timeout, a 429 or a 5xx before giving up
 * @param backoffMillis the first wait between tries; doubled each time
 * @param cbsPageSize rows asked per CBS request ({@code $top}/{@code $skip}); the CBS API refuses a
 *     query of more than 10,000 rows
 */
public record FetchSettings(
    String cbsUrl,
    String pdokUrl,
    String lbmUrl,
    Map<Integer, String> tables,
    Integer lbmEdition,
    Integer connectTimeoutSeconds,
    Integer readTimeoutSeconds,
    Integer retries,
    Long backoffMillis,
    Integer cbsPageSize) {

  public FetchSettings {
    cbsUrl = strip(cbsUrl == null ? "https://opendata.cbs.nl/ODataFeed/odata" : cbsUrl);
    pdokUrl = strip(pdokUrl == null ? "https://api.pdok.nl/cbs" : pdokUrl);
    lbmUrl = strip(lbmUrl == null ? "https://www.leefbaarometer.nl/resources" : lbmUrl);
    Map<Integer, String> t = new TreeMap<>();
    t.put(2019, "84583NED");
    t.put(2020, "84799NED");
    t.put(2021, "85039NED");
    t.put(2022, "85318NED");
    t.put(2023, "85618NED");
    t.put(2024, "85984NED");
    t.put(2025, "86165NED");
    if (tables != null) {
      t.putAll(tables);
    }
    tables = t;
    lbmEdition = lbmEdition == null ? 2024 : lbmEdition;
    connectTimeoutSeconds = connectTimeoutSeconds == null ? 10 : connectTimeoutSeconds;
    readTimeoutSeconds = readTimeoutSeconds == null ? 120 : readTimeoutSeconds;
    retries = retries == null ? 3 : retries;
    backoffMillis = backoffMillis == null ? 1000L : backoffMillis;
    cbsPageSize = cbsPageSize == null ? 10_000 : cbsPageSize;
    if (cbsPageSize < 1 || cbsPageSize > 10_000) {
      throw new IllegalArgumentException(
          "Invalid setting veerkracht.fetch.cbs-page-size="
              + cbsPageSize
              + ": allowed is 1 to 10000.");
    }
  }

  public static FetchSettings defaults() {
    return new FetchSettings(null, null, null, null, null, null, null, null, null, null);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
