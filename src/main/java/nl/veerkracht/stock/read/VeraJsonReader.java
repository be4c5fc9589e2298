package nl.veerkracht.stock.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.geo.LonLat;
import nl.veerkracht.imports.read.Rejection;
import nl.veerkracht.stock.domain.ClusterRef;
import nl.veerkracht.stock.domain.ClusterType;
import nl.veerkracht.stock.domain.UnitRecord;
import tools.jackson.databind.JsonNode;

/**
 * Rental units in the VERA JSON form ({@code Eenheid} objects of the VERA Beheer Vastgoedgegevens
 * API): a bare array, or an object holding it under {@code eenheden}. Read are {@code code} (else
 * {@code id}), {@code adres} (straatnaam, huisnummer, huisletter, huisnummerToevoeging, postcode,
 * woonplaats, buurt), {@code adresseerbaarObjectBasisregistratie.bagIdentificatie}, {@code
 * bouwjaar}, {@code soort}/{@code detailSoort}, {@code status}, {@code doelgroep}, {@code
 * energieprestaties[].label}, {@code streefhuur}, {@code rekenhuur}, {@code clusters[]} (code,
 * naam, soort) and a point ({@code breedtegraad}/{@code lengtegraad}) wherever it is nested.
 */
public final class VeraJsonReader {

  private final String fileName;
  private final StockSink sink;

  public VeraJsonReader(String fileName, StockSink sink) {
    this.fileName = fileName;
    this.sink = sink;
  }

  public static boolean recognises(JsonNode json) {
    JsonNode first = units(json).path(0);
    return first.isObject()
        && (first.has("adres")
            || first.has("clusters")
            || first.has("bouwjaar")
            || first.has("rekenhuur"))
        && (first.has("code") || first.has("id"));
  }

  static JsonNode units(JsonNode json) {
    if (json == null) {
      return tools.jackson.databind.node.MissingNode.getInstance();
    }
    if (json.isArray()) {
      return json;
    }
    for (String key : List.of("eenheden", "Eenheden", "data", "items")) {
      if (json.path(key).isArray()) {
        return json.path(key);
      }
    }
    return tools.jackson.databind.node.MissingNode.getInstance();
  }

  public void read(JsonNode json) {
    long n = 0;
    for (JsonNode e : units(json)) {
      n++;
      sink.rowRead();
      unit(e, n);
    }
  }

  private void unit(JsonNode e, long n) {
    String code = text(e.path("code")).or(() -> text(e.path("id"))).orElse(null);
    if (code == null) {
      sink.reject(Rejection.record(fileName, n, "code", "the Eenheid has no code or id"));
      return;
    }
    boolean ok = true;
    JsonNode adres = e.path("adres");
    Integer houseNumber = null;
    if (!adres.path("huisnummer").isMissingNode() && !adres.path("huisnummer").isNull()) {
      houseNumber = Cells.whole(adres.path("huisnummer").asString()).orElse(null);
      if (houseNumber == null) {
        sink.reject(
            Rejection.record(
                fileName,
                n,
                "adres.huisnummer",
                "'" + adres.path("huisnummer").asString() + "' is not a house number"));
        ok = false;
      }
    }
    String postcode =
        text(adres.path("postcode"))
            .map(p -> p.replace(" ", "").toUpperCase(Locale.ROOT))
            .orElse(null);
    if (postcode != null && !postcode.matches("[1-9]\\d{3}[A-Z]{2}")) {
      sink.reject(
          Rejection.record(
              fileName, n, "adres.postcode", "'" + postcode + "' is not a Dutch postcode"));
      ok = false;
    }
    String city =
        adres.path("woonplaats").isObject()
            ? text(adres.path("woonplaats").path("naam")).orElse(null)
            : text(adres.path("woonplaats")).orElse(null);
    AreaCode buurt = null;
    Optional<String> buurtCode = text(adres.path("buurt").path("code"));
    if (buurtCode.isPresent()) {
      buurt =
          AreaCode.parse(buurtCode.get()).filter(c -> c.level() == AreaLevel.BUURT).orElse(null);
      if (buurt == null) {
        sink.reject(
            Rejection.record(
                fileName,
                n,
                "adres.buurt.code",
                "'" + buurtCode.get() + "' is not a CBS buurt code"));
        ok = false;
      }
    }
    LonLat location = null;
    JsonNode point = findPoint(e);
    if (point != null) {
      double lat = point.path("breedtegraad").asDouble(Double.NaN);
      double lon = point.path("lengtegraad").asDouble(Double.NaN);
      try {
        location = new LonLat(lon, lat);
        if (!location.isInNetherlands()) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException ex) {
        sink.reject(
            Rejection.record(
                fileName,
                n,
                "breedtegraad/lengtegraad",
                "coordinates "
                    + point.path("breedtegraad").asString()
                    + ", "
                    + point.path("lengtegraad").asString()
                    + " lie outside the Netherlands"));
        ok = false;
      }
    }
    Integer buildYear = e.path("bouwjaar").isNumber() ? e.path("bouwjaar").asInt() : null;
    if (buildYear != null && (buildYear < 1200 || buildYear > 2100)) {
      sink.reject(Rejection.record(fileName, n, "bouwjaar", buildYear + " is not a building year"));
      ok = false;
    }
    BigDecimal targetRent = amount(e, "streefhuur", n);
    BigDecimal rent = amount(e, "rekenhuur", n);
    if ((e.has("streefhuur") && !e.path("streefhuur").isNull() && targetRent == null)
        || (e.has("rekenhuur") && !e.path("rekenhuur").isNull() && rent == null)) {
      ok = false;
    }
    List<ClusterRef> clusters = new ArrayList<>();
    for (JsonNode c : e.path("clusters")) {
      String soort =
          text(c.path("soort").path("code")).or(() -> text(c.path("soort"))).orElse(null);
      Optional<ClusterType> type = ClusterType.find(soort);
      if (type.isEmpty()) {
        sink.reject(
            Rejection.record(
                fileName, n, "clusters.soort", "unknown cluster type '" + soort + "'"));
        ok = false;
        continue;
      }
      String clusterCode = text(c.path("code")).or(() -> text(c.path("id"))).orElse(null);
      if (clusterCode == null) {
        sink.reject(Rejection.record(fileName, n, "clusters.code", "a cluster without code"));
        ok = false;
        continue;
      }
      clusters.add(
          new ClusterRef(type.get(), clusterCode, text(c.path("naam")).orElse(clusterCode)));
    }
    String label = null;
    for (JsonNode p : e.path("energieprestaties")) {
      label = text(p.path("label").path("code")).or(() -> text(p.path("label"))).orElse(label);
    }
    if (!ok) {
      return;
    }
    sink.unit(
        new UnitRecord(
            n,
            code,
            text(adres.path("straatnaam")).orElse(null),
            houseNumber,
            text(adres.path("huisletter")).orElse(null),
            text(adres.path("huisnummerToevoeging")).orElse(null),
            postcode,
            city,
            text(e.path("adresseerbaarObjectBasisregistratie").path("bagIdentificatie"))
                .orElse(null),
            location,
            buurt,
            buildYear,
            refName(e.path("detailSoort")).or(() -> refName(e.path("soort"))).orElse(null),
            label,
            targetRent,
            rent,
            e.path("punten").isNumber() ? e.path("punten").asInt() : null,
            refName(e.path("doelgroep")).orElse(null),
            refName(e.path("status")).orElse(null),
            clusters));
  }

  private BigDecimal amount(JsonNode e, String field, long n) {
    JsonNode v = e.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    Optional<BigDecimal> amount =
        v.isNumber() ? Optional.of(v.decimalValue()) : Cells.euro(v.asString());
    if (amount.isEmpty() || amount.get().signum() < 0) {
      sink.reject(
          Rejection.record(fileName, n, field, "'" + v.asString() + "' is not an amount in euro"));
      return null;
    }
    return amount.get();
  }

  /** The first object below the Eenheid with both breedtegraad and lengtegraad. */
  private static JsonNode findPoint(JsonNode node) {
    if (node.isObject()) {
      if (node.has("breedtegraad") && node.has("lengtegraad")) {
        return node;
      }
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode found = findPoint(e.getValue());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode c : node) {
        JsonNode found = findPoint(c);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Optional<String> refName(JsonNode ref) {
    if (ref.isObject()) {
      return text(ref.path("naam")).or(() -> text(ref.path("code")));
    }
    return text(ref);
  }

  private static Optional<String> text(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull() || n.isContainer()) {
      return Optional.empty();
    }
    String s = n.asString().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
