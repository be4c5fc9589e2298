package nl.veerkracht.stock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.veerkracht.area.AreaRepository;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.area.domain.AreaLevel;
import nl.veerkracht.common.DataChangedEvent;
import nl.veerkracht.geo.LonLat;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Finds the gemeente, wijk and buurt a point lies in, for every year whose area division is held:
 * one JTS STRtree of prepared polygons per year and level, built on first use and dropped when
 * boundaries change. Where a year has no buurt boundary around the point, the wijk or gemeente is
 * still found. Thread-safe.
 */
@Service
public class SpatialLinker {

  /** Where a point lies in one year's division; codes are null where no boundary holds it. */
  public record Located(int year, String gemeente, String wijk, String buurt) {
    public boolean outside() {
      return gemeente == null && wijk == null && buurt == null;
    }
  }

  private record Entry(String code, PreparedGeometry geometry) {}

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final AreaRepository areas;

  /** Per year and level; an empty tree where the year has no boundaries at that level. */
  private final Map<String, STRtree> indexes = new ConcurrentHashMap<>();

  private volatile List<Integer> years;

  public SpatialLinker(AreaRepository areas) {
    this.areas = areas;
  }

  @EventListener
  public void onDataChanged(DataChangedEvent event) {
    forget();
  }

  /** Drops the indexes: boundaries changed (possibly inside a transaction not yet committed). */
  public void forget() {
    indexes.clear();
    years = null;
  }

  /** Years with any boundary held, newest first. */
  public List<Integer> years() {
    List<Integer> y = years;
    if (y == null) {
      y = areas.outlineYears();
      years = y;
    }
    return y;
  }

  public Located locate(LonLat p, int year) {
    Point point = FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
    String buurt = find(index(year, "buurt"), point);
    String wijk =
        buurt != null
            ? AreaCode.of(buurt).wijk().map(AreaCode::value).orElse(null)
            : find(index(year, "wijk"), point);
    String gemeente =
        buurt != null || wijk != null
            ? AreaCode.of(buurt != null ? buurt : wijk).gemeente().map(AreaCode::value).orElse(null)
            : find(index(year, "gemeente"), point);
    return new Located(year, gemeente, wijk, buurt);
  }

  /** The buurt codes of a year's division (to place units by a buurt code the file gave). */
  public java.util.Set<String> buurtCodes(int year) {
    return new java.util.HashSet<>(areas.codes(year, AreaLevel.BUURT));
  }

  private static String find(STRtree tree, Point point) {
    if (tree.isEmpty()) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<Entry> candidates = tree.query(point.getEnvelopeInternal());
    String best = null;
    for (Entry e : candidates) {
      if (e.geometry().covers(point) && (best == null || e.code().compareTo(best) < 0)) {
        best = e.code(); // on a shared boundary, the lowest code wins, so results do not depend on
        // order
      }
    }
    return best;
  }

  private STRtree index(int year, String level) {
    return indexes.computeIfAbsent(year + "/" + level, k -> build(year, level));
  }

  private STRtree build(int year, String level) {
    WKBReader reader = new WKBReader(FACTORY);
    List<Entry> entries = new ArrayList<>();
    Map<String, Envelope> envelopes = new HashMap<>();
    for (AreaRepository.Outline o : areas.outlines(year, AreaLevel.find(level).orElseThrow())) {
      try {
        var g = reader.read(o.wkb());
        entries.add(new Entry(o.code(), PreparedGeometryFactory.prepare(g)));
        envelopes.put(o.code(), g.getEnvelopeInternal());
      } catch (ParseException e) {
        throw new IllegalStateException("Stored geometry of " + o.code() + " cannot be read", e);
      }
    }
    STRtree tree = new STRtree();
    for (Entry e : entries) {
      tree.insert(envelopes.get(e.code()), e);
    }
    tree.build();
    return tree;
  }
}
