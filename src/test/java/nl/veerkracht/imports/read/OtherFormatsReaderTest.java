package nl.veerkracht.imports.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import nl.veerkracht.statistics.domain.ObservationStatus;
import nl.veerkracht.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Formats for which no real file is bundled, built from real bundled figures and boundaries:
 * StatLine CSV with statistical symbols, CBS OData rows, Leefbaarometer 3.x CSV, GeoJSON and
 * GeoPackage in RD New.
 */
class OtherFormatsReaderTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path tmp;

  private CollectingSink read(Path file, ReadContext ctx) throws IOException {
    Sniff sniff = new Sniff(new ImportFile(file.getFileName().toString(), file));
    FormatReader reader =
        Readers.recognise(sniff, List.of()).orElseThrow(() -> new AssertionError("not recognised"));
    CollectingSink sink = new CollectingSink();
    reader.read(sniff, ctx, sink);
    assertThat(sink.rejections).isEmpty();
    return sink;
  }

  @Test
  void statLineCsvWithStatisticalSymbols() throws IOException {
    // Amsterdam 2019 figures as StatLine writes them: ';', BOM, padded codes, '.' for missing
    String csv =
        "\uFEFF\"Wijken en buurten\";\"Gemeentenaam\";\"Soort regio\";\"Codering\";\"Aantal inwoners (aantal)\";"
            + "\"In bezit woningcorporatie (%)\";\"Huishoudens met een laag inkomen (%)\"\n"
            + "\"Amsterdam\";\"Amsterdam                               \";\"Gemeente  \";\"GM0363    \";\"862965\";\"42\";\"12,8\"\n"
            + "\"Kop Zeedijk\";\"Amsterdam                               \";\"Buurt     \";\"BU03630000\";\"1035\";\"7\";\".\"\n";
    Path file = tmp.resolve("Kerncijfers_wijken_en_buurten_2019.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    CollectingSink sink = read(file, ReadContext.of(null));
    assertThat(sink.number("GM0363", 2019, "inhabitants")).isEqualTo(862965);
    assertThat(sink.number("BU03630000", 2019, "pct_corporation_rent")).isEqualTo(7);
    assertThat(sink.number("GM0363", 2019, "pct_low_income_households")).isEqualTo(12.8);
    assertThat(sink.value("BU03630000", 2019, "pct_low_income_households").orElseThrow().status())
        .isEqualTo(ObservationStatus.MISSING);
    assertThat(sink.area("BU03630000").orElseThrow().name()).isEqualTo("Kop Zeedijk");
  }

  @Test
  void cbsOdataRowsWithEditionSuffixes() throws IOException {
    // Baarn's 2024 figures from the bundled 85984NED extract, in the shape of the OData API
    JsonNode core =
        JSON.readTree(Files.readString(Demo.file("cbs/kwb2024_85984NED_gm_wk_core.json")));
    ObjectNode doc = JSON.createObjectNode();
    doc.put(
        "odata.metadata",
        "https://opendata.cbs.nl/ODataApi/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet");
    ArrayNode value = doc.putArray("value");
    for (String code : List.of("GM0308", "WK030800")) {
      ObjectNode row = value.addObject();
      row.put("ID", value.size());
      row.put("WijkenEnBuurten", String.format("%-10s", code));
      row.put("Gemeentenaam_1", "Baarn                                   ");
      row.put("SoortRegio_2", code.startsWith("GM") ? "Gemeente  " : "Wijk      ");
      row.put("Codering_3", String.format("%-10s", code));
      core.path(code).properties().forEach(e -> row.set(e.getKey(), e.getValue()));
      row.putNull("InBezitWoningcorporatie_49");
    }
    Path file = tmp.resolve("85984NED_TypedDataSet.json");
    Files.writeString(file, JSON.writeValueAsString(doc));
    CollectingSink sink = read(file, ReadContext.of(2024));
    assertThat(sink.number("GM0308", 2024, "inhabitants"))
        .isEqualTo(core.path("GM0308").path("AantalInwoners_5").asDouble());
    assertThat(sink.number("WK030800", 2024, "dwellings"))
        .isEqualTo(core.path("WK030800").path("Woningvoorraad_35").asDouble());
    assertThat(sink.value("GM0308", 2024, "pct_corporation_rent").orElseThrow().status())
        .isEqualTo(ObservationStatus.MISSING);
    assertThat(sink.area("GM0308").orElseThrow().name()).isEqualTo("Baarn");
  }

  @Test
  void leefbaarometer3Csv() throws IOException {
    // The 3.x open-data layout; scores of two Amersfoort buurten as in the bundled Utrecht table
    String csv =
        "bu_code,bu_naam,jaar,lbm,afw,fys,onv,soc,vrz,won\n"
            + "BU03070100,Hof,2020,4.22,,0.02,-0.14,-0.04,0.24,\n"
            + "BU03070101,Nieuwstraat e.o.,2020,4.26,,0.02,-0.1,-0.03,0.24,\n";
    Path file = tmp.resolve("lbm3_buurt.csv");
    Files.writeString(file, csv);
    CollectingSink sink = read(file, ReadContext.of(null));
    assertThat(sink.number("BU03070100", 2020, "lbm_score")).isEqualTo(4.22);
    assertThat(sink.number("BU03070100", 2020, "lbm_onv")).isEqualTo(-0.14);
    assertThat(sink.value("BU03070100", 2020, "lbm_afw").orElseThrow().status())
        .isEqualTo(ObservationStatus.MISSING);
  }

  @Test
  void geoJsonInRdNewDeclaredInTheCrsMember() throws IOException {
    JsonNode baarn =
        JSON.readTree(
            Files.readString(Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson")));
    ObjectNode rd = (ObjectNode) baarn.deepCopy();
    rd.putObject("crs")
        .put("type", "name")
        .putObject("properties")
        .put("name", "urn:ogc:def:crs:EPSG::28992");
    ToRd toRd = new ToRd();
    for (JsonNode f : rd.path("features")) {
      toRd.convert(f.path("geometry").path("coordinates"));
    }
    Path file = tmp.resolve("baarn_rd.geojson");
    Files.writeString(file, JSON.writeValueAsString(rd));
    CollectingSink sink = read(file, ReadContext.of(null));
    assertThat(sink.areas).hasSize(21);
    Coordinate original = firstVertex(baarn, "BU03080000");
    Coordinate roundTrip = sink.area("BU03080000").orElseThrow().geometry().getCoordinates()[0];
    assertThat(roundTrip.x).isCloseTo(original.x, within(0.00002)); // about 1.5 m
    assertThat(roundTrip.y).isCloseTo(original.y, within(0.00002));
  }

  @Test
  void geoPackageInRdNew() throws Exception {
    JsonNode baarn =
        JSON.readTree(
            Files.readString(Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson")));
    Path gpkg = tmp.resolve("wijkenbuurten_2024.gpkg");
    GeoPackageManager.create(gpkg.toFile());
    GeoPackage geoPackage = GeoPackageManager.open(gpkg.toFile());
    try {
      SpatialReferenceSystem srs = new SpatialReferenceSystem();
      srs.setSrsName("Amersfoort / RD New");
      srs.setSrsId(28992);
      srs.setOrganization("EPSG");
      srs.setOrganizationCoordsysId(28992);
      srs.setDefinition(
          "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\","
              + "SPHEROID[\"Bessel 1841\",6377397.155,299.1528128]],PRIMEM[\"Greenwich\",0],"
              + "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Oblique_Stereographic\"],"
              + "PARAMETER[\"latitude_of_origin\",52.1561605555556],PARAMETER[\"central_meridian\",5.38763888888889],"
              + "PARAMETER[\"scale_factor\",0.9999079],PARAMETER[\"false_easting\",155000],"
              + "PARAMETER[\"false_northing\",463000],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"28992\"]]");
      geoPackage.getSpatialReferenceSystemDao().create(srs);
      GeometryColumns columns = new GeometryColumns();
      columns.setTableName("buurten");
      columns.setColumnName("geom");
      columns.setGeometryType(GeometryType.MULTIPOLYGON);
      columns.setZ((byte) 0);
      columns.setM((byte) 0);
      columns.setSrs(srs);
      List<FeatureColumn> extra = new ArrayList<>();
      extra.add(
          FeatureColumn.createColumn("buurtcode", mil.nga.geopackage.db.GeoPackageDataType.TEXT));
      extra.add(
          FeatureColumn.createColumn("buurtnaam", mil.nga.geopackage.db.GeoPackageDataType.TEXT));
      extra.add(
          FeatureColumn.createColumn(
              "aantal_inwoners", mil.nga.geopackage.db.GeoPackageDataType.INTEGER));
      geoPackage.createFeatureTable(FeatureTableMetadata.create(columns, extra, null));
      FeatureDao dao = geoPackage.getFeatureDao("buurten");
      ToRd toRd = new ToRd();
      for (JsonNode f : baarn.path("features")) {
        Geometry g = nl.veerkracht.geo.GeoJsonGeometries.read(f.path("geometry"));
        Geometry inRd = toRd.convert(g);
        FeatureRow row = dao.newRow();
        GeoPackageGeometryData data = new GeoPackageGeometryData(srs.getSrsId());
        data.setGeometry(GeometryReader.readGeometry(new WKBWriter(2).write(inRd)));
        row.setGeometry(data);
        row.setValue("buurtcode", f.path("properties").path("buurtcode").asString());
        row.setValue("buurtnaam", f.path("properties").path("buurtnaam").asString());
        row.setValue("aantal_inwoners", f.path("properties").path("aantal_inwoners").asLong());
        dao.create(row);
      }
    } finally {
      geoPackage.close();
    }
    CollectingSink sink = read(gpkg, ReadContext.of(2024));
    assertThat(sink.areas).hasSize(21);
    assertThat(sink.number("BU03080000", 2024, "inhabitants")).isEqualTo(1825);
    Coordinate original = firstVertex(baarn, "BU03080000");
    Coordinate roundTrip = sink.area("BU03080000").orElseThrow().geometry().getCoordinates()[0];
    assertThat(roundTrip.x).isCloseTo(original.x, within(0.00002));
    assertThat(roundTrip.y).isCloseTo(original.y, within(0.00002));
  }

  static Coordinate firstVertex(JsonNode collection, String code) {
    for (JsonNode f : collection.path("features")) {
      if (f.path("properties").path("buurtcode").asString().equals(code)) {
        JsonNode c = f.path("geometry").path("coordinates");
        while (c.get(0).isArray()) {
          c = c.get(0);
        }
        return new Coordinate(c.get(0).asDouble(), c.get(1).asDouble());
      }
    }
    throw new AssertionError(code);
  }

  /** WGS84 to RD New, the inverse of the application's conversion, for building fixtures. */
  static final class ToRd {
    private final BasicCoordinateTransform t;

    ToRd() {
      CRSFactory f = new CRSFactory();
      t =
          new BasicCoordinateTransform(
              f.createFromName("EPSG:4326"), f.createFromName("EPSG:28992"));
    }

    double[] convert(double lon, double lat) {
      ProjCoordinate out = new ProjCoordinate();
      t.transform(new ProjCoordinate(lon, lat), out);
      return new double[] {out.x, out.y};
    }

    void convert(JsonNode coordinates) {
      if (coordinates.get(0).isNumber()) {
        double[] xy = convert(coordinates.get(0).asDouble(), coordinates.get(1).asDouble());
        ((ArrayNode) coordinates).set(0, JSON.getNodeFactory().numberNode(xy[0]));
        ((ArrayNode) coordinates).set(1, JSON.getNodeFactory().numberNode(xy[1]));
        return;
      }
      for (JsonNode c : coordinates) {
        convert(c);
      }
    }

    Geometry convert(Geometry g) {
      Geometry copy = g.copy();
      for (Coordinate c : copy.getCoordinates()) {
        double[] xy = convert(c.x, c.y);
        c.x = xy[0];
        c.y = xy[1];
      }
      copy.geometryChanged();
      return copy;
    }
  }

  static Map<String, String> unused() {
    return Map.of();
  }
}
