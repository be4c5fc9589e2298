package nl.veerkracht.ogc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import nl.veerkracht.geo.RdNew;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoPackage files written with NGA's GeoPackage library: one feature table per layer, in RD New
 * (EPSG:28992) or WGS84 (EPSG:4326), every property a column.
 */
final class GeoPackageFiles {

  /** A layer: its table name, geometry type and features. */
  record Layer(String name, GeometryType type, List<OgcStaffCollections.Item> items) {}

  private GeoPackageFiles() {}

  static byte[] write(List<Layer> layers, boolean rdNew) throws IOException {
    Path dir = Files.createTempDirectory("vk-gpkg");
    Path file = dir.resolve("record.gpkg");
    try {
      GeoPackageManager.create(file.toFile());
      try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
        SpatialReferenceSystem srs =
            rdNew ? rdNew(gp) : gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
        RdNew rd = rdNew ? new RdNew() : null;
        for (Layer layer : layers) {
          table(gp, srs, layer, rd);
        }
      }
      return Files.readAllBytes(file);
    } catch (SQLException e) {
      throw new IOException("The GeoPackage could not be written", e);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** EPSG:28992 (the library holds no definition of it): its OGC WKT as EPSG publishes it. */
  private static SpatialReferenceSystem rdNew(GeoPackage gp) throws SQLException {
    SpatialReferenceSystem srs = new SpatialReferenceSystem();
    srs.setSrsName("Amersfoort / RD New");
    srs.setSrsId(28992);
    srs.setOrganization("EPSG");
    srs.setOrganizationCoordsysId(28992);
    srs.setDescription("Rijksdriehoeksstelsel, the Dutch national grid (metres)");
    srs.setDefinition(RD_NEW_WKT);
    gp.getSpatialReferenceSystemDao().create(srs);
    return srs;
  }

  static final String RD_NEW_WKT =
      "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\","
          + "SPHEROID[\"Bessel 1841\",6377397.155,299.1528128,AUTHORITY[\"EPSG\",\"7004\"]],"
          + "TOWGS84[565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725],"
          + "AUTHORITY[\"EPSG\",\"6289\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
          + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
          + "AUTHORITY[\"EPSG\",\"4289\"]],PROJECTION[\"Oblique_Stereographic\"],"
          + "PARAMETER[\"latitude_of_origin\",52.1561605555556],"
          + "PARAMETER[\"central_meridian\",5.38763888888889],"
          + "PARAMETER[\"scale_factor\",0.9999079],PARAMETER[\"false_easting\",155000],"
          + "PARAMETER[\"false_northing\",463000],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
          + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"28992\"]]";

  private static void table(GeoPackage gp, SpatialReferenceSystem srs, Layer layer, RdNew rd)
      throws SQLException {
    Map<String, GeoPackageDataType> columns = new LinkedHashMap<>();
    for (OgcStaffCollections.Item i : layer.items()) {
      i.properties()
          .forEach(
              (k, v) -> {
                GeoPackageDataType t =
                    v instanceof Integer || v instanceof Long
                        ? GeoPackageDataType.INTEGER
                        : v instanceof Number ? GeoPackageDataType.DOUBLE : GeoPackageDataType.TEXT;
                columns.merge(k, t, (a, b) -> a == GeoPackageDataType.TEXT ? a : b);
              });
    }
    GeometryColumns geometry = new GeometryColumns();
    geometry.setTableName(layer.name());
    geometry.setColumnName("geom");
    geometry.setGeometryType(layer.type());
    geometry.setZ((byte) 0);
    geometry.setM((byte) 0);
    geometry.setSrs(srs);
    List<FeatureColumn> cols = new ArrayList<>();
    cols.add(FeatureColumn.createColumn("feature_id", GeoPackageDataType.TEXT));
    columns.forEach((k, t) -> cols.add(FeatureColumn.createColumn(k, t)));
    FeatureTableMetadata metadata = FeatureTableMetadata.create(geometry);
    metadata.setAdditionalColumns(cols);
    gp.createFeatureTable(metadata);
    FeatureDao dao = gp.getFeatureDao(layer.name());
    for (OgcStaffCollections.Item i : layer.items()) {
      FeatureRow row = dao.newRow();
      if (i.geometry() != null) {
        Geometry g = i.geometry().copy();
        if (rd != null) {
          rd.fromWgs84(g);
        }
        row.setGeometry(GeoPackageGeometryData.create(srs.getSrsId(), simple(g)));
      }
      row.setValue("feature_id", i.id());
      i.properties()
          .forEach(
              (k, v) -> {
                if (v != null) {
                  row.setValue(
                      k, columns.get(k) == GeoPackageDataType.TEXT ? String.valueOf(v) : v);
                }
              });
      dao.create(row);
    }
  }

  /** A JTS point, polygon or multipolygon as the GeoPackage library's simple feature. */
  private static mil.nga.sf.Geometry simple(Geometry g) {
    if (g instanceof Point p) {
      return new mil.nga.sf.Point(p.getX(), p.getY());
    }
    if (g instanceof Polygon polygon) {
      mil.nga.sf.Polygon out = new mil.nga.sf.Polygon();
      out.addRing(ring(polygon.getExteriorRing().getCoordinates()));
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        out.addRing(ring(polygon.getInteriorRingN(h).getCoordinates()));
      }
      return out;
    }
    if (g instanceof org.locationtech.jts.geom.MultiPolygon multi) {
      mil.nga.sf.MultiPolygon out = new mil.nga.sf.MultiPolygon();
      for (int k = 0; k < multi.getNumGeometries(); k++) {
        out.addPolygon((mil.nga.sf.Polygon) simple(multi.getGeometryN(k)));
      }
      return out;
    }
    throw new IllegalArgumentException("Not a point or polygon: " + g.getGeometryType());
  }

  private static mil.nga.sf.LineString ring(Coordinate[] coordinates) {
    mil.nga.sf.LineString ring = new mil.nga.sf.LineString();
    for (Coordinate c : coordinates) {
      ring.addPoint(new mil.nga.sf.Point(c.x, c.y));
    }
    return ring;
  }
}
