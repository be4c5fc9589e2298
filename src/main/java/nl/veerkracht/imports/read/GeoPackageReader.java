package nl.veerkracht.imports.read;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import nl.veerkracht.area.domain.AreaCode;
import nl.veerkracht.geo.GeoJsonGeometries;
import nl.veerkracht.geo.GeometryException;
import nl.veerkracht.geo.RdNew;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The CBS Wijk- en buurtkaart as GeoPackage (layers gemeenten, wijken, buurten; RD New). Every
 * feature table is read; geometry in EPSG:28992 is converted to WGS84.
 */
public final class GeoPackageReader implements FormatReader {

  @Override
  public String kind() {
    return "geopackage";
  }

  @Override
  public boolean recognises(Sniff sniff) throws IOException {
    return sniff.extension().equals("gpkg");
  }

  /** The state of reading one GeoPackage. */
  private static final class Run {
    final Sniff sniff;
    final String file;
    final ReadContext ctx;
    final ImportSink sink;
    final FeatureAttributes attributes;
    final Set<String> identity = FeatureAttributes.identityFields();
    final WKBReader wkb = new WKBReader(GeoJsonGeometries.FACTORY);
    final RdNew rd = new RdNew();
    Integer defaultYear;
    long n;

    Run(Sniff sniff, ReadContext ctx, ImportSink sink) {
      this.sniff = sniff;
      this.file = sniff.file().name();
      this.ctx = ctx;
      this.sink = sink;
      this.attributes = new FeatureAttributes(ctx, sink);
    }

    /** The year of a feature: asked for, else the feature's own, else the file's. */
    int year(Map<String, Object> props) throws IOException {
      if (ctx.year() != null) {
        return ctx.year();
      }
      Optional<Integer> featureYear = FeatureAttributes.year(props);
      if (featureYear.isPresent()) {
        return featureYear.get();
      }
      if (defaultYear == null) {
        defaultYear = ctx.resolveYear(sniff.file(), Optional.empty(), sink);
      }
      return defaultYear;
    }
  }

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    GeoPackage gpkg;
    try {
      gpkg = GeoPackageManager.open(sniff.file().path().toFile(), false);
    } catch (RuntimeException e) {
      sink.reject(
          new Rejection(
              sniff.file().name(), 0, null, "not a readable GeoPackage: " + e.getMessage()));
      return;
    }
    try {
      Run run = new Run(sniff, ctx, sink);
      for (String table : gpkg.getFeatureTables()) {
        if (!layer(run, gpkg.getFeatureDao(table), table)) {
          return;
        }
      }
    } finally {
      gpkg.close();
    }
  }

  /** Reads one layer; false when the run should stop. */
  private boolean layer(Run run, FeatureDao dao, String table) throws IOException {
    long srs = dao.getSrs() == null ? 0 : dao.getSrs().getOrganizationCoordsysId();
    boolean isRd = srs == 28992;
    if (!isRd && srs != 4326) {
      run.sink.reject(
          new Rejection(
              run.file,
              0,
              table,
              "layer "
                  + table
                  + " uses EPSG:"
                  + srs
                  + "; only RD New (28992) and WGS84 (4326) are read"));
      return false;
    }
    FeatureResultSet rs = dao.queryForAll();
    try {
      while (rs.moveToNext()) {
        run.n++;
        if (run.sink.saturated()) {
          return false;
        }
        run.sink.rowRead();
        feature(run, rs.getRow(), dao.getGeometryColumnName(), isRd);
      }
    } finally {
      rs.close(); // NGA's result set is not AutoCloseable
    }
    return true;
  }

  private void feature(Run run, FeatureRow row, String geometryColumn, boolean isRd)
      throws IOException {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String column : row.getColumnNames()) {
      if (!column.equals(geometryColumn)) {
        props.put(column, row.getValue(column));
      }
    }
    if (run.n <= 1) {
      FeatureAttributes.refuseGrid(run.file, props);
    }
    Optional<String> raw = FeatureAttributes.rawCode(props);
    Optional<AreaCode> code = raw.flatMap(AreaCode::parse);
    if (code.isEmpty()) {
      run.sink.reject(
          Rejection.feature(
              run.file,
              run.n,
              "code",
              raw.map(r -> "'" + WideTableReader.shorten(r) + "' is not a CBS area code")
                  .orElse("no area code")));
      return;
    }
    int year = run.year(props);
    Geometry geometry;
    try {
      GeoPackageGeometryData data = row.getGeometry();
      if (data == null || data.isEmpty()) {
        throw new GeometryException("the feature has no geometry");
      }
      geometry = run.wkb.read(data.getWkb());
      if (isRd) {
        geometry = run.rd.toWgs84(geometry);
      }
      geometry = Geometries.checkedArea(geometry, run.ctx.repairGeometry(), code.get(), run.sink);
    } catch (GeometryException | ParseException e) {
      run.sink.reject(
          Rejection.feature(run.file, run.n, "geometry", code.get() + ": " + e.getMessage()));
      return;
    }
    Map<String, String> text =
        run.attributes.emitValues(run.file, run.n, code.get(), year, props, run.identity);
    if (text == null) {
      return;
    }
    String name = FeatureAttributes.name(props, code.get().level());
    run.sink.area(new AreaRecord(code.get(), year, name, geometry, text));
    run.sink.rowImported();
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_GEOMETRY;
  }
}
