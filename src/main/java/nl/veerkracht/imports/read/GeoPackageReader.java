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

  @Override
  public void read(Sniff sniff, ReadContext ctx, ImportSink sink) throws IOException {
    String file = sniff.file().name();
    GeoPackage gpkg;
    try {
      gpkg = GeoPackageManager.open(sniff.file().path().toFile(), false);
    } catch (RuntimeException e) {
      sink.reject(new Rejection(file, 0, null, "not a readable GeoPackage: " + e.getMessage()));
      return;
    }
    try {
      FeatureAttributes attributes = new FeatureAttributes(ctx, sink);
      Set<String> identity = FeatureAttributes.identityFields();
      WKBReader wkb = new WKBReader(GeoJsonGeometries.FACTORY);
      RdNew rd = new RdNew();
      Integer defaultYear = null;
      long n = 0;
      for (String table : gpkg.getFeatureTables()) {
        FeatureDao dao = gpkg.getFeatureDao(table);
        long srs = dao.getSrs() == null ? 0 : dao.getSrs().getOrganizationCoordsysId();
        boolean isRd = srs == 28992;
        if (!isRd && srs != 4326) {
          sink.reject(
              new Rejection(
                  file,
                  0,
                  table,
                  "layer "
                      + table
                      + " uses EPSG:"
                      + srs
                      + "; only RD New (28992) and WGS84 (4326) are read"));
          return;
        }
        FeatureResultSet rs = dao.queryForAll();
        try {
          while (rs.moveToNext()) {
            n++;
            if (sink.saturated()) {
              return;
            }
            sink.rowRead();
            FeatureRow row = rs.getRow();
            Map<String, Object> props = new LinkedHashMap<>();
            for (String column : row.getColumnNames()) {
              if (!column.equals(dao.getGeometryColumnName())) {
                props.put(column, row.getValue(column));
              }
            }
            Optional<String> raw = FeatureAttributes.rawCode(props);
            Optional<AreaCode> code = raw.flatMap(AreaCode::parse);
            if (code.isEmpty()) {
              sink.reject(
                  Rejection.feature(
                      file,
                      n,
                      "code",
                      raw.map(r -> "'" + WideTableReader.shorten(r) + "' is not a CBS area code")
                          .orElse("no area code")));
              continue;
            }
            int year;
            Optional<Integer> featureYear = FeatureAttributes.year(props);
            if (ctx.year() != null) {
              year = ctx.year();
            } else if (featureYear.isPresent()) {
              year = featureYear.get();
            } else {
              if (defaultYear == null) {
                defaultYear = ctx.resolveYear(sniff.file(), Optional.empty(), sink);
              }
              year = defaultYear;
            }
            Geometry geometry;
            try {
              GeoPackageGeometryData data = row.getGeometry();
              if (data == null || data.isEmpty()) {
                throw new GeometryException("the feature has no geometry");
              }
              geometry = wkb.read(data.getWkb());
              if (isRd) {
                geometry = rd.toWgs84(geometry);
              }
              geometry = Geometries.checkedArea(geometry, ctx.repairGeometry(), code.get(), sink);
            } catch (GeometryException | ParseException e) {
              sink.reject(
                  Rejection.feature(file, n, "geometry", code.get() + ": " + e.getMessage()));
              continue;
            }
            Map<String, String> text =
                attributes.emitValues(file, n, code.get(), year, props, identity);
            if (text == null) {
              continue;
            }
            sink.area(
                new AreaRecord(
                    code.get(),
                    year,
                    FeatureAttributes.name(props, code.get().level()),
                    geometry,
                    text));
            sink.rowImported();
          }
        } finally {
          rs.close(); // NGA's result set is not AutoCloseable
        }
      }
    } finally {
      gpkg.close();
    }
  }

  @Override
  public Provenance provenance() {
    return Provenance.CBS_GEOMETRY;
  }
}
