package nl.veerkracht.ogc;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.veerkracht.atelier.Atelier;
import nl.veerkracht.atelier.AtelierAccess;
import nl.veerkracht.atelier.AtelierService;
import nl.veerkracht.atelier.AtelierViews;
import nl.veerkracht.atelier.Caller;
import nl.veerkracht.common.BadRequestException;
import nl.veerkracht.common.ForbiddenException;
import nl.veerkracht.common.NotFoundException;
import nl.veerkracht.common.Text;
import nl.veerkracht.corporation.CorporationRepository;
import nl.veerkracht.geo.RdNew;
import nl.veerkracht.profile.ProfileRepository;
import nl.veerkracht.security.CurrentUser;
import nl.veerkracht.security.Membership;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collections only a corporation's staff see: {@code complexen} (each complex as the mean
 * position of its homes) and, per atelier, {@code atelier-ID-pins} (as the room saw them, pins near
 * residents' homes counted per buurt instead) and {@code atelier-ID-probleemgebieden} (outline and
 * ranked measures with their votes). Who may see what is decided as everywhere else: the staff's
 * memberships, the atelier's own access check and row-level security underneath.
 */
@Service
public class OgcStaffCollections {

  static final String COMPLEXES = "complexen";
  private static final Pattern ATELIER =
      Pattern.compile("atelier-(\\d{1,18})-(pins|probleemgebieden)");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /** A feature before paging: its id, geometry (WGS84, may be null) and properties. */
  record Item(String id, Geometry geometry, Map<String, Object> properties) {}

  private final CurrentUser currentUser;
  private final AtelierService ateliers;
  private final AtelierAccess access;
  private final AtelierViews views;
  private final ProfileRepository profiles;
  private final CorporationRepository corporations;

  public OgcStaffCollections(
      CurrentUser currentUser,
      AtelierService ateliers,
      AtelierAccess access,
      AtelierViews views,
      ProfileRepository profiles,
      CorporationRepository corporations) {
    this.currentUser = currentUser;
    this.ateliers = ateliers;
    this.access = access;
    this.views = views;
    this.profiles = profiles;
    this.corporations = corporations;
  }

  static boolean isStaffCollection(String id) {
    return id.equals(COMPLEXES) || ATELIER.matcher(id).matches();
  }

  /** The ids and titles of the collections the caller may read (none when not staff). */
  public Map<String, String> available() {
    Map<String, String> out = new LinkedHashMap<>();
    List<Membership> memberships = currentUser.memberships();
    if (memberships.isEmpty()) {
      return out;
    }
    out.put(COMPLEXES, "Complexen");
    for (Atelier a : ateliers.mine()) {
      out.put("atelier-" + a.id() + "-pins", "Spelden van " + a.name());
      out.put("atelier-" + a.id() + "-probleemgebieden", "Probleemgebieden van " + a.name());
    }
    return out;
  }

  /** The features of a staff collection, for the caller; 404 when it is not theirs to see. */
  List<Item> items(String collectionId, HttpServletRequest request) {
    if (collectionId.equals(COMPLEXES)) {
      return complexes();
    }
    Matcher m = ATELIER.matcher(collectionId);
    if (!m.matches()) {
      throw new NotFoundException(Text.msg("ogc.error.collection", "id", collectionId));
    }
    AtelierAccess.Asked asked = access.resolve(request, Long.parseLong(m.group(1)));
    if (!(asked.caller() instanceof Caller.Staff)) {
      throw new ForbiddenException(Text.msg("atelier.refused.recordStaffOnly"));
    }
    return m.group(2).equals("pins") ? pins(asked) : problemAreas(asked);
  }

  /** An atelier's record as GeoPackage layers: pins (as the room saw them) and problem areas. */
  List<GeoPackageFiles.Layer> recordLayers(HttpServletRequest request, long atelierId) {
    AtelierAccess.Asked asked = access.resolve(request, atelierId);
    if (!(asked.caller() instanceof Caller.Staff)) {
      throw new ForbiddenException(Text.msg("atelier.refused.recordStaffOnly"));
    }
    return List.of(
        new GeoPackageFiles.Layer("pins", mil.nga.sf.GeometryType.POINT, pins(asked)),
        new GeoPackageFiles.Layer(
            "probleemgebieden", mil.nga.sf.GeometryType.POLYGON, problemAreas(asked)));
  }

  private List<Item> complexes() {
    List<Item> out = new ArrayList<>();
    for (Membership ms : currentUser.memberships()) {
      String type =
          corporations.findById(ms.corporationId()).map(c -> c.complexClusterType()).orElse("OND");
      Map<String, List<String>> buurten = profiles.complexBuurten(ms.corporationId(), type);
      for (ProfileRepository.ComplexPoint c : profiles.complexPoints(ms.corporationId(), type)) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("corporation", ms.corporationCode());
        p.put("type", type);
        p.put("code", c.code());
        p.put("name", c.name());
        p.put("units", c.units());
        p.put("buurt_codes", String.join(",", buurten.getOrDefault(c.code(), List.of())));
        out.add(
            new Item(
                ms.corporationCode() + ":" + c.code(),
                FACTORY.createPoint(new Coordinate(c.lon(), c.lat())),
                p));
      }
    }
    return out;
  }

  private List<Item> pins(AtelierAccess.Asked asked) {
    Atelier a = asked.atelier();
    List<Item> out = new ArrayList<>();
    // as the room saw them: hidden and waiting pins left out, text as shown, near homes counted
    for (AtelierViews.PinView pin : views.pins(a, asked.caller(), AtelierViews.Lens.ROOM)) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("kind", "pin");
      p.put("category", pin.category());
      p.put("theme", pin.theme());
      p.put("text", pin.text());
      p.put("buurt_code", pin.buurtCode());
      p.put("status", pin.status());
      p.put("count", 1);
      out.add(
          new Item(
              "pin-" + pin.id(), FACTORY.createPoint(new Coordinate(pin.lon(), pin.lat())), p));
    }
    for (AtelierViews.NearHome n : views.nearHome(a, asked.caller(), AtelierViews.Lens.ROOM)) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("kind", "near_homes");
      p.put("category", n.category());
      p.put("theme", null);
      p.put("text", null);
      p.put("buurt_code", n.buurtCode());
      p.put("status", "VISIBLE");
      p.put("count", n.count());
      out.add(new Item("near-" + n.buurtCode() + "-" + n.category(), null, p));
    }
    return out;
  }

  private List<Item> problemAreas(AtelierAccess.Asked asked) {
    List<Item> out = new ArrayList<>();
    for (AtelierViews.AreaView area :
        views.problemAreas(asked.atelier(), asked.caller(), AtelierViews.Lens.RECORD)) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", area.name());
      p.put("buurt_codes", String.join(",", area.buurtCodes()));
      p.put("complex_codes", String.join(",", area.complexCodes()));
      p.put("pins", area.pinIds().size());
      StringBuilder ranking = new StringBuilder();
      int votes = 0;
      for (AtelierViews.MeasureView mv : area.measures()) {
        int v = mv.votes() == null ? 0 : mv.votes();
        votes += v;
        if (ranking.length() > 0) {
          ranking.append("; ");
        }
        ranking.append(mv.rank() == null ? "-" : mv.rank()).append(". ").append(mv.title());
        ranking.append(" (").append(v).append(')');
      }
      p.put("votes", votes);
      p.put("top_measure", area.measures().isEmpty() ? null : area.measures().get(0).title());
      p.put("ranking", ranking.toString());
      out.add(new Item("area-" + area.id(), outline(area.outline()), p));
    }
    return out;
  }

  private static Geometry outline(List<List<Double>> points) {
    if (points == null || points.size() < 3) {
      return null;
    }
    Coordinate[] ring = new Coordinate[points.size() + 1];
    for (int i = 0; i < points.size(); i++) {
      ring[i] = new Coordinate(points.get(i).get(0), points.get(i).get(1));
    }
    ring[points.size()] = ring[0];
    return FACTORY.createPolygon(ring);
  }

  /**
   * One page of items as a FeatureCollection: filtered by box and equal properties, paged, in the
   * asked coordinate system.
   */
  static String page(
      String collectionId, List<Item> all, Map<String, String> params, String baseUrl) {
    for (String name : params.keySet()) {
      boolean known =
          OgcFeatures.PARAMETERS.contains(name)
              || all.stream().anyMatch(i -> i.properties().containsKey(name));
      if (!known && !all.isEmpty()) {
        throw new BadRequestException(Text.msg("ogc.error.parameter", "name", name));
      }
    }
    Optional<double[]> bbox = OgcParameters.bbox(params.get("bbox"), params.get("bbox-crs"));
    String crs = OgcParameters.crs(params.get("crs"));
    int limit =
        OgcParameters.intParam(
            params, "limit", OgcFeatures.DEFAULT_LIMIT, 1, OgcFeatures.MAX_LIMIT);
    int offset = OgcParameters.intParam(params, "offset", 0, 0, Integer.MAX_VALUE);
    List<Item> matched = new ArrayList<>();
    for (Item i : all) {
      if (bbox.isPresent()) {
        double[] b = bbox.get();
        if (i.geometry() == null
            || !i.geometry()
                .getEnvelopeInternal()
                .intersects(new Envelope(b[0], b[2], b[1], b[3]))) {
          continue;
        }
      }
      boolean equal = true;
      for (Map.Entry<String, String> e : params.entrySet()) {
        if (!OgcFeatures.PARAMETERS.contains(e.getKey())) {
          Object v = i.properties().get(e.getKey());
          equal &= v != null && String.valueOf(v).equals(e.getValue());
        }
      }
      if (equal) {
        matched.add(i);
      }
    }
    // in long: an offset near the largest int plus the limit must not wrap round
    int from = (int) Math.min(offset, matched.size());
    int to = (int) Math.min(matched.size(), (long) offset + limit);
    List<Item> shown = matched.subList(from, to);
    RdNew rd = crs.equals(OgcFeatures.RD_NEW) ? new RdNew() : null;
    StringBuilder b = new StringBuilder(shown.size() * 512 + 512);
    b.append("{\"type\":\"FeatureCollection\",\"numberMatched\":")
        .append(matched.size())
        .append(",\"numberReturned\":")
        .append(shown.size())
        .append(",\"features\":[");
    for (int k = 0; k < shown.size(); k++) {
      if (k > 0) {
        b.append(',');
      }
      feature(b, shown.get(k), rd);
    }
    b.append("],\"links\":");
    List<Map<String, String>> links =
        OgcParameters.pageLinks(
            baseUrl + "/collections/" + collectionId + "/items",
            params,
            offset,
            limit,
            shown.size(),
            matched.size());
    b.append(JSON.writeValueAsString(links)).append('}');
    return b.toString();
  }

  /** One item as a GeoJSON Feature in the asked coordinate system (CRS84 when none). */
  static String feature(Item item, String crs) {
    StringBuilder b = new StringBuilder(512);
    feature(b, item, OgcParameters.crs(crs).equals(OgcFeatures.RD_NEW) ? new RdNew() : null);
    return b.toString();
  }

  private static void feature(StringBuilder b, Item i, RdNew rd) {
    b.append("{\"type\":\"Feature\",\"id\":")
        .append(JSON.writeValueAsString(i.id()))
        .append(",\"geometry\":")
        .append(i.geometry() == null ? "null" : OgcParameters.geometry(i.geometry().copy(), rd))
        .append(",\"properties\":")
        .append(JSON.writeValueAsString(i.properties()))
        .append('}');
  }
}
