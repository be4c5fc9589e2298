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

  /** One Eenheid being read: its number in the file, and whether it is still acceptable. */
  private final class Rec {
    final long n;
    boolean ok = true;

    Rec(long n) {
      this.n = n;
    }

    void reject(String field, String reason) {
      ok = false;
      sink.reject(Rejection.record(fileName, n, field, reason));
    }
  }

  private void unit(JsonNode e, long n) {
    String code = text(e.path("code")).or(() -> text(e.path("id"))).orElse(null);
    Rec r = new Rec(n);
    if (code == null) {
      r.reject("code", "the Eenheid has no code or id");
      return;
    }
    JsonNode adres = e.path("adres");
    Integer houseNumber = houseNumber(adres, r);
    String postcode = postcode(adres, r);
    AreaCode buurt = buurt(adres, r);
    LonLat location = location(e, r);
    Integer buildYear = e.path("bouwjaar").isNumber() ? e.path("bouwjaar").asInt() : null;
    if (buildYear != null && (buildYear < 1200 || buildYear > 2100)) {
      r.reject("bouwjaar", buildYear + " is not a building year");
    }
    BigDecimal targetRent = amount(e, "streefhuur", r);
    BigDecimal rent = amount(e, "rekenhuur", r);
    List<ClusterRef> clusters = clusters(e, r);
    String label = null;
    for (JsonNode p : e.path("energieprestaties")) {
      label = text(p.path("label").path("code")).or(() -> text(p.path("label"))).orElse(label);
    }
    if (!r.ok) {
      return;
    }
    String city =
        adres.path("woonplaats").isObject()
            ? text(adres.path("woonplaats").path("naam")).orElse(null)
            : text(adres.path("woonplaats")).orElse(null);
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

  private static Integer houseNumber(JsonNode adres, Rec r) {
    JsonNode raw = adres.path("huisnummer");
    if (raw.isMissingNode() || raw.isNull()) {
      return null;
    }
    Integer houseNumber = Cells.whole(raw.asString()).orElse(null);
    if (houseNumber == null) {
      r.reject("adres.huisnummer", "'" + raw.asString() + "' is not a house number");
    }
    return houseNumber;
  }

  private static String postcode(JsonNode adres, Rec r) {
    String postcode =
        text(adres.path("postcode"))
            .map(p -> p.replace(" ", "").toUpperCase(Locale.ROOT))
            .orElse(null);
    if (postcode != null && !postcode.matches("[1-9]\\d{3}[A-Z]{2}")) {
      r.reject("adres.postcode", "'" + postcode + "' is not a Dutch postcode");
    }
    return postcode;
  }

  private static AreaCode buurt(JsonNode adres, Rec r) {
    Optional<String> code = text(adres.path("buurt").path("code"));
    if (code.isEmpty()) {
      return null;
    }
    AreaCode buurt =
        AreaCode.parse(code.get()).filter(c -> c.level() == AreaLevel.BUURT).orElse(null);
    if (buurt == null) {
      r.reject("adres.buurt.code", "'" + code.get() + "' is not a CBS buurt code");
    }
    return buurt;
  }

  private static LonLat location(JsonNode e, Rec r) {
    JsonNode point = findPoint(e);
    if (point == null) {
      return null;
    }
    try {
      LonLat location =
          new LonLat(
              point.path("lengtegraad").asDouble(Double.NaN),
              point.path("breedtegraad").asDouble(Double.NaN));
      if (location.isInNetherlands()) {
        return location;
      }
    } catch (IllegalArgumentException ex) {
      // reported below
    }
    r.reject(
        "breedtegraad/lengtegraad",
        "coordinates "
            + point.path("breedtegraad").asString()
            + ", "
            + point.path("lengtegraad").asString()
            + " lie outside the Netherlands");
    return null;
  }

  private static List<ClusterRef> clusters(JsonNode e, Rec r) {
    List<ClusterRef> clusters = new ArrayList<>();
    for (JsonNode c : e.path("clusters")) {
      String soort =
          text(c.path("soort").path("code")).or(() -> text(c.path("soort"))).orElse(null);
      Optional<ClusterType> type = ClusterType.find(soort);
      String clusterCode = text(c.path("code")).or(() -> text(c.path("id"))).orElse(null);
      if (type.isEmpty()) {
        r.reject("clusters.soort", "unknown cluster type '" + soort + "'");
      } else if (clusterCode == null) {
        r.reject("clusters.code", "a cluster without code");
      } else {
        clusters.add(
            new ClusterRef(type.get(), clusterCode, text(c.path("naam")).orElse(clusterCode)));
      }
    }
    return clusters;
  }

  private static BigDecimal amount(JsonNode e, String field, Rec r) {
    JsonNode v = e.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    Optional<BigDecimal> amount =
        v.isNumber() ? Optional.of(v.decimalValue()) : Cells.euro(v.asString());
    if (amount.isEmpty() || amount.get().signum() < 0) {
      r.reject(field, "'" + v.asString() + "' is not an amount in euro");
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
