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
      // a code that looks like a number: "1" = unchanged since last year
      row.put("IndelingswijzigingWijkenEnBuurten_4", "1");
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
    // issue 28, finding 7: the indelingswijziging code is an attribute in every reader
    assertThat(sink.area("GM0308").orElseThrow().attributes())
        .containsEntry("IndelingswijzigingWijkenEnBuurten_4", "1");
    assertThat(sink.values)
        .noneMatch(v -> v.indicatorId().toLowerCase().contains("indelingswijziging"));
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

  /**
   * Issue 28, finding 1: a gemeente GeoJSON built from the PDOK Wijk- en buurtkaart but enriched
   * with police crime, Vektis health costs and a column nobody knows got every one as a CBS figure
   * with the file's source, and its reference year as a figure. The fixture: Baarn's buurten with
   * those columns added. Each is stored under its own publisher, the unknown one under "bron
   * onbekend", the reference year as an attribute, and the map file's own columns stay CBS.
   */
  @Test
  void foreignColumnsOfAMapFileKeepTheirOwnSources() throws IOException {
    ObjectNode doc =
        (ObjectNode)
            JSON.readTree(
                Files.readString(Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson")));
    int i = 0;
    for (JsonNode f : doc.path("features")) {
      ObjectNode p = (ObjectNode) f.path("properties");
      p.put("cr_diefstal_uit_woning", 3 + i);
      p.put("zk_kosten_totaal", 2100.5 + i);
      p.put("zk_jaar", 2021);
      p.put("xyz_onbekend", 7);
      i++;
    }
    Path file = tmp.resolve("baarn_verrijkt_2024.geojson");
    Files.writeString(file, JSON.writeValueAsString(doc));
    CollectingSink sink = read(file, ReadContext.of(2024));
    assertThat(sink.indicators.get("politie_cr_diefstal_uit_woning").source())
        .isEqualTo("Politie, geregistreerde criminaliteit");
    assertThat(sink.indicators.get("vektis_zk_kosten_totaal").source())
        .isEqualTo("Vektis, zorgkosten");
    assertThat(sink.indicators.get("src_xyz_onbekend").source())
        .isEqualTo("bron onbekend: kolom xyz_onbekend uit bestand baarn_verrijkt_2024.geojson");
    assertThat(sink.indicators.values())
        .as("no figure of another family under the map file's publisher")
        .filteredOn(x -> x.source().startsWith("CBS"))
        .allSatisfy(x -> assertThat(x.id()).startsWith("cbs_"));
    assertThat(sink.values).noneMatch(v -> v.indicatorId().contains("zk_jaar"));
    assertThat(sink.area("BU03080000").orElseThrow().attributes()).containsEntry("zk_jaar", "2021");
    assertThat(sink.number("BU03080000", 2024, "politie_cr_diefstal_uit_woning")).isPositive();
  }

  /**
   * Issue 28, finding 4: in a Leefbaarometer GeoJSON whose published fields sit in a nested object
   * ({@code properties.raw}), the object was stored as a text attribute, the class derived and
   * {@code afw} taken from a rounded top-level copy. Now the nested values are read as published,
   * at full precision, and win over the rounded copy.
   */
  @Test
  void nestedPublishedLeefbaarometerValuesAreReadAsPublished() throws IOException {
    String json =
        """
        {"type": "FeatureCollection", "features": [{"type": "Feature",
          "properties": {"gm_code": "GM0308", "gm_naam": "Baarn", "afw": 0.12,
            "raw": {"lbm": 4.2345678, "afw": 0.123456, "kscore": 7, "fys": -0.0234567}},
          "geometry": {"type": "Polygon", "coordinates": [[[5.25, 52.2], [5.3, 52.2], [5.3, 52.23],
            [5.25, 52.23], [5.25, 52.2]]]}}]}
        """;
    Path file = tmp.resolve("lbm_gemeenten_genest_2024.geojson");
    Files.writeString(file, json);
    CollectingSink sink = read(file, ReadContext.of(2024));
    assertThat(sink.number("GM0308", 2024, "lbm_score")).isEqualTo(4.2345678);
    assertThat(sink.number("GM0308", 2024, "lbm_afw")).isEqualTo(0.123456);
    assertThat(sink.number("GM0308", 2024, "lbm_class")).isEqualTo(7);
    assertThat(sink.number("GM0308", 2024, "lbm_fys")).isEqualTo(-0.0234567);
    assertThat(sink.area("GM0308").orElseThrow().attributes()).doesNotContainKey("raw");
  }

  /**
   * Issue 28, finding 3: a CBS 100 m grid file (cell ids plus a buurtcode) was taken as a Wijk- en
   * buurtkaart; with one cell per buurt a buurt got a 100 m square as its boundary. The fixture:
   * Baarn's first buurt's centre cell and its neighbour, in RD New, as the vierkantstatistiek
   * publishes them. Refused, naming the format, the cell size and the field.
   */
  @Test
  void gridCellsAreNeverReadAsBuurten() throws IOException {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("type", "FeatureCollection");
    doc.putObject("crs")
        .put("type", "name")
        .putObject("properties")
        .put("name", "urn:ogc:def:crs:EPSG::28992");
    ArrayNode features = doc.putArray("features");
    for (int[] cell : new int[][] {{143000, 470000}, {143100, 470000}}) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.putObject("properties")
          .put("c28992r100", String.format("E%04dN%04d", cell[0] / 100, cell[1] / 100))
          .put("buurtcode", "BU03080000")
          .put("aantal_inwoners", 45);
      ArrayNode ring =
          f.putObject("geometry").put("type", "Polygon").putArray("coordinates").addArray();
      int[][] corners = {{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}};
      for (int[] c : corners) {
        ring.addArray().add(cell[0] + c[0]).add(cell[1] + c[1]);
      }
    }
    Path file = tmp.resolve("cbs_vk100_2021_baarn.geojson");
    Files.writeString(file, JSON.writeValueAsString(doc));
    Sniff sniff = new Sniff(new ImportFile(file.getFileName().toString(), file));
    FormatReader reader = Readers.recognise(sniff, List.of()).orElseThrow();
    CollectingSink sink = new CollectingSink();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> reader.read(sniff, ReadContext.of(2021), sink))
        .isInstanceOf(ReadContext.RefusedFileException.class)
        .hasMessageContaining("CBS grid file (vierkantstatistiek: cells of 100 m")
        .hasMessageContaining("'c28992r100'")
        .hasMessageContaining("not a Wijk- en buurtkaart");
    assertThat(sink.areas).isEmpty();
    assertThat(sink.values).isEmpty();
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
    writeGeoPackage(gpkg, baarn, null);
    CollectingSink sink = read(gpkg, ReadContext.of(2024));
    assertThat(sink.areas).hasSize(21);
    assertThat(sink.number("BU03080000", 2024, "inhabitants")).isEqualTo(1825);
    Coordinate original = firstVertex(baarn, "BU03080000");
    Coordinate roundTrip = sink.area("BU03080000").orElseThrow().geometry().getCoordinates()[0];
    assertThat(roundTrip.x).isCloseTo(original.x, within(0.00002));
    assertThat(roundTrip.y).isCloseTo(original.y, within(0.00002));
  }

  /**
   * Issue 28, finding 6: a GeoPackage whose name says no year but whose features carry the CBS
   * {@code jaarstatcode} ("2024BU03080000") was refused as "does not say which year" unless {@code
   * --year} was given. The year is read from the field now.
   */
  @Test
  void geoPackageYearFromJaarstatcode() throws Exception {
    JsonNode baarn =
        JSON.readTree(
            Files.readString(Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson")));
    Path gpkg = tmp.resolve("buurten_baarn.gpkg");
    writeGeoPackage(gpkg, baarn, "2024");
    CollectingSink sink = read(gpkg, ReadContext.of(null));
    assertThat(sink.areas).hasSize(21);
    assertThat(sink.areas).allSatisfy(a -> assertThat(a.year()).isEqualTo(2024));
    assertThat(sink.number("BU03080000", 2024, "inhabitants")).isEqualTo(1825);
  }

  /** Baarn's buurten as a GeoPackage in RD New; with {@code jaarstatcode} when a year is given. */
  static void writeGeoPackage(Path gpkg, JsonNode baarn, String jaarstatYear) throws Exception {
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
      if (jaarstatYear != null) {
        extra.add(
            FeatureColumn.createColumn(
                "jaarstatcode", mil.nga.geopackage.db.GeoPackageDataType.TEXT));
      }
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
        if (jaarstatYear != null) {
          row.setValue(
              "jaarstatcode", jaarstatYear + f.path("properties").path("buurtcode").asString());
        }
        dao.create(row);
      }
    } finally {
      geoPackage.close();
    }
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
