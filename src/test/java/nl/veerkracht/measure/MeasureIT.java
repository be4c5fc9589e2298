package nl.veerkracht.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.demo.DemoDataLoader;
import nl.veerkracht.support.Accounts;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Documents;
import nl.veerkracht.support.Http;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Must shows 2, 3 and 4 of the planning issue on the demo corporation (its generated stock on the
 * real Baarn buurten): the begroting's totals are the measures' yearly costs plus the MJOB lines,
 * worked out here from the database and by hand; the XLSX totals equal the API's; a streefhuur
 * above the DAEB limit is warned with amount, year and source, a year without a known limit says
 * so; every new endpoint answers 401 without login and 403 to another corporation's staff.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_measures")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureIT {

  @LocalServerPort int port;
  @Autowired DemoDataLoader demo;
  @Autowired JdbcClient jdbc;
  Http admin;
  String complex;
  int units;

  @BeforeAll
  void demoCorporationAndStaff() {
    demo.load(Demo.CORPORATION);
    admin = new Http(port).as("admin", "admin-test-password");
    aComplexWithMaintenance();
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"ANDER\",\"name\":\"Andere Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    user("mona", "DEMO", "MANAGER");
    user("vera", "DEMO", "VIEWER");
    user("olaf", "ANDER", "ANALYST");
  }

  void user(String name, String corporation, String role) {
    Accounts.staff(admin, name, corporation, role);
  }

  Http as(String name) {
    return new Http(port).as(name, name + "-password-1");
  }

  /** The demo complex with the most MJOB lines in 2027-2029, and its unit count. */
  void aComplexWithMaintenance() {
    complex =
        jdbc.sql(
                """
            SELECT c.code FROM stock_cluster c JOIN corporation k ON k.id = c.corporation_id
              JOIN maintenance_plan p ON p.cluster_id = c.id
             WHERE k.code = 'DEMO' AND c.type = k.complex_cluster_type AND p.year BETWEEN 2027 AND 2029
             GROUP BY c.code ORDER BY count(*) DESC, c.code LIMIT 1""")
            .query(String.class)
            .single();
    units =
        jdbc.sql(
                "SELECT count(*) FROM stock_unit_cluster uc JOIN stock_cluster c ON c.id ="
                    + " uc.cluster_id JOIN corporation k ON k.id = c.corporation_id"
                    + " WHERE k.code = 'DEMO' AND c.code = ? AND c.type = k.complex_cluster_type")
            .param(complex)
            .query(Integer.class)
            .single();
    assertThat(units).isPositive();
  }

  String measure(String lever, String costs, int start, int end, String extra) {
    return """
        {"corporation":"DEMO","title":"Buurtconciërge","lever":"%s","complexCode":"%s",
         "costs":[%s],"startYear":%d,"endYear":%d%s}"""
        .formatted(lever, complex, costs, start, end, extra);
  }

  BigDecimal mjobIn(int from, int to) {
    return jdbc.sql(
            "SELECT coalesce(sum(p.cost_euro), 0) FROM maintenance_plan p JOIN corporation k ON"
                + " k.id = p.corporation_id WHERE k.code = 'DEMO' AND p.year BETWEEN ? AND ?")
        .params(from, to)
        .query(BigDecimal.class)
        .single();
  }

  @Test
  void budgetTotalsAreTheMeasuresYearlyCostsPlusTheMjobAndTheXlsxSaysTheSame() throws Exception {
    // the budget of a year range no other test plans in: 2040-2042
    HttpResponse<String> created =
        as("mona")
            .postJson(
                "/api/measures",
                measure(
                    "sociaal_beheer",
                    "{\"kind\":\"per_unit_per_year\",\"amountEuro\":120.50},"
                        + "{\"kind\":\"once\",\"amountEuro\":10000}",
                    2040,
                    2042,
                    ""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode budget = admin.getJson("/api/budget?corporation=DEMO&from=2040&to=2042");
    // by hand: units x 120.50 in each of 3 years, plus 10,000 once in 2040
    BigDecimal perYear = new BigDecimal("120.50").multiply(BigDecimal.valueOf(units));
    BigDecimal measures = perYear.multiply(BigDecimal.valueOf(3)).add(new BigDecimal("10000"));
    BigDecimal mjob = mjobIn(2040, 2042);
    assertThat(budget.get("totals").get("bySource").get("measure").decimalValue())
        .isEqualByComparingTo(measures);
    assertThat(budget.get("totals").get("total").decimalValue())
        .isEqualByComparingTo(measures.add(mjob));
    assertThat(budget.get("totals").get("byYear").get("2041").decimalValue())
        .isEqualByComparingTo(perYear.add(mjobIn(2041, 2041)));
    BigDecimal rowSum = BigDecimal.ZERO;
    for (JsonNode r : budget.get("rows")) {
      rowSum = rowSum.add(r.get("amountEuro").decimalValue());
    }
    assertThat(rowSum).isEqualByComparingTo(budget.get("totals").get("total").decimalValue());

    HttpResponse<byte[]> xlsx =
        admin.getBytes("/api/budget.xlsx?corporation=DEMO&from=2040&to=2042");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet rows = wb.getSheet("Begroting");
      double sheetSum = 0;
      for (Row r : rows) {
        if (r.getRowNum() > 0) {
          sheetSum += r.getCell(7).getNumericCellValue();
        }
      }
      assertThat(sheetSum).isCloseTo(budget.get("totals").get("total").doubleValue(), within());
      assertThat(rows.getLastRowNum()).isEqualTo(budget.get("rows").size());
      // the totals sheet is a year × lever table: each cell the rows of that year and lever,
      // each row's total the API's byYear, each column's total its byLever
      Sheet totals = wb.getSheet("Totalen");
      Row head = totals.getRow(0);
      assertThat(head.getCell(0).getStringCellValue()).isEqualTo("Jaar");
      int columns = head.getLastCellNum();
      assertThat(head.getCell(columns - 1).getStringCellValue()).isEqualTo("Totaal");
      for (int y = 2040; y <= 2042; y++) {
        Row r = totals.getRow(y - 2039);
        assertThat((int) r.getCell(0).getNumericCellValue()).isEqualTo(y);
        assertThat(r.getCell(columns - 1).getNumericCellValue())
            .isCloseTo(
                budget.get("totals").get("byYear").get(String.valueOf(y)).doubleValue(), within());
        for (int c = 1; c < columns - 1; c++) {
          assertThat(r.getCell(c).getNumericCellValue())
              .as(y + " " + head.getCell(c).getStringCellValue())
              .isCloseTo(sum(budget, y, lever(head.getCell(c).getStringCellValue())), within());
        }
      }
      Row sums = totals.getRow(4);
      assertThat(sums.getCell(0).getStringCellValue()).isEqualTo("Totaal");
      assertThat(sums.getCell(columns - 1).getNumericCellValue())
          .isCloseTo(budget.get("totals").get("total").doubleValue(), within());
      for (int c = 1; c < columns - 1; c++) {
        String l = lever(head.getCell(c).getStringCellValue());
        assertThat(sums.getCell(c).getNumericCellValue())
            .isCloseTo(budget.get("totals").get("byLever").get(l).doubleValue(), within());
      }
    }

    // the PDF for the board holds the same table: each year's line with its amounts
    HttpResponse<byte[]> pdf = admin.getBytes("/api/budget.pdf?corporation=DEMO&from=2040&to=2042");
    assertThat(pdf.statusCode()).isEqualTo(200);
    String text = Documents.pdfText(pdf.body());
    for (int year = 2040; year <= 2042; year++) {
      int y = year;
      String line =
          text.lines()
              .filter(l -> l.startsWith(y + " "))
              .findFirst()
              .orElseThrow(AssertionError::new);
      assertThat(line)
          .contains(euro(budget.get("totals").get("byYear").get(String.valueOf(y)).decimalValue()));
    }
    String totalLine =
        text.lines()
            .filter(l -> l.startsWith("Totaal "))
            .findFirst()
            .orElseThrow(AssertionError::new);
    assertThat(totalLine).endsWith(euro(budget.get("totals").get("total").decimalValue()));
    System.out.printf(
        "[budget] 2040-2042: XLSX and PDF year × lever tables equal the API: total %s%n",
        euro(budget.get("totals").get("total").decimalValue()));
  }

  /** The lever id of its Dutch name in a sheet's header. */
  static String lever(String name) {
    for (String id :
        List.of(
            "onderhoud",
            "huurprijsbeleid",
            "woonruimteverdeling",
            "sociaal_beheer",
            "fysiek",
            "samenwerking")) {
      if (nl.veerkracht.common.Text.msg("measure.lever." + id)
          .in(java.util.Locale.forLanguageTag("nl"))
          .equals(name)) {
        return id;
      }
    }
    throw new AssertionError("no lever named " + name);
  }

  /** The API rows of one year and lever, summed. */
  static double sum(JsonNode budget, int year, String lever) {
    double s = 0;
    for (JsonNode r : budget.get("rows")) {
      if (r.get("year").intValue() == year && r.get("lever").asString().equals(lever)) {
        s += r.get("amountEuro").doubleValue();
      }
    }
    return s;
  }

  static String euro(java.math.BigDecimal v) {
    return nl.veerkracht.plan.PlanTexts.euro(v, java.util.Locale.forLanguageTag("nl"));
  }

  /**
   * Issue 27, MJOB lines where they belong: a sociaal-beheer measure that tries to take up an MJOB
   * line is refused naming its lever, and nothing is linked; only an explicit choice links it.
   */
  @Test
  void anMjobLineGoesToAnotherLeverOnlyByAnExplicitChoice() throws Exception {
    long lineId =
        jdbc.sql(
                "SELECT p.id FROM maintenance_plan p JOIN stock_cluster c ON c.id = p.cluster_id"
                    + " WHERE c.code = ? ORDER BY p.year DESC LIMIT 1")
            .param(complex)
            .query(Long.class)
            .single();
    HttpResponse<String> created =
        admin.postJson("/api/measures", measure("woonruimteverdeling", "", 2030, 2031, ""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Http.JSON.readTree(created.body()).get("id").longValue();
    String body = "[{\"lineId\":" + lineId + "}]";
    HttpResponse<String> refused =
        admin.send(
            "PUT",
            "/api/measures/" + id + "/mjob?corporation=DEMO",
            body,
            java.util.Map.of("Accept-Language", "nl"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("onderhoud").contains("Woonruimteverdeling");
    assertThat(
            jdbc.sql("SELECT count(*) FROM planned_measure_mjob WHERE measure_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    HttpResponse<String> chosen =
        admin.send("PUT", "/api/measures/" + id + "/mjob?corporation=DEMO&otherLever=true", body);
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    admin.delete("/api/measures/" + id + "?corporation=DEMO");
  }

  static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.005);
  }

  @Test
  void anMjobLineAMeasureMovesCountsOnceInItsNewYear() throws java.io.IOException {
    JsonNode line =
        admin
            .getJson(
                "/api/budget?corporation=DEMO&from=2026&to=2035&scope="
                    + complex
                    + "&lever=onderhoud")
            .get("rows")
            .get(0);
    int year = line.get("year").intValue();
    long lineId =
        jdbc.sql(
                "SELECT p.id FROM maintenance_plan p JOIN stock_cluster c ON c.id = p.cluster_id"
                    + " WHERE c.code = ? AND p.year = ? AND p.activity = ?")
            .params(complex, year, line.get("title").stringValue())
            .query(Long.class)
            .list()
            .get(0);
    BigDecimal before = totalOf(2026, 2036);
    HttpResponse<String> created =
        admin.postJson("/api/measures", measure("onderhoud", "", year, year, ""));
    long id = Http.JSON.readTree(created.body()).get("id").longValue();
    HttpResponse<String> linked =
        admin.send(
            "PUT",
            "/api/measures/" + id + "/mjob?corporation=DEMO",
            "[{\"lineId\":" + lineId + ",\"movedToYear\":" + (year + 1) + "}]");
    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    JsonNode after =
        admin.getJson("/api/budget?corporation=DEMO&from=2026&to=2036&scope=" + complex);
    assertThat(after.get("totals").get("total").decimalValue()).isEqualByComparingTo(before);
    boolean moved = false;
    for (JsonNode r : after.get("rows")) {
      if (r.get("source").stringValue().equals("mjob")
          && r.get("title").stringValue().equals(line.get("title").stringValue())
          && r.get("movedFrom").isNumber()) {
        assertThat(r.get("year").intValue()).isEqualTo(year + 1);
        assertThat(r.get("movedFrom").intValue()).isEqualTo(year);
        assertThat(r.get("measureId").longValue()).isEqualTo(id);
        moved = true;
      }
    }
    assertThat(moved).isTrue();
    // a line of another complex is refused and nothing changes
    long foreign =
        jdbc.sql(
                "SELECT p.id FROM maintenance_plan p JOIN stock_cluster c ON c.id = p.cluster_id"
                    + " WHERE c.code <> ? LIMIT 1")
            .param(complex)
            .query(Long.class)
            .single();
    assertThat(
            admin
                .send(
                    "PUT",
                    "/api/measures/" + id + "/mjob?corporation=DEMO",
                    "[{\"lineId\":" + foreign + "}]")
                .statusCode())
        .isEqualTo(400);
    assertThat(admin.getJson("/api/measures/" + id + "?corporation=DEMO").get("mjob")).hasSize(1);

    // finding 6 of the second trust review: 500,000 entries (16 MB) were inserted row by row and
    // held the measure for minutes. Now refused at once, while a normal request on the same
    // measure completes.
    StringBuilder huge = new StringBuilder("[");
    for (int i = 0; i < 500_000; i++) {
      huge.append(i == 0 ? "" : ",")
          .append("{\"lineId\":")
          .append(lineId)
          .append(",\"movedToYear\":")
          .append(year + 1)
          .append('}');
    }
    huge.append(']');
    // sent as a client streams a large upload: the body is written while the answer is read, and
    // what is timed is the server's answer (it refuses by Content-Length, before the body arrives)
    byte[] hugeBody = huge.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var normal =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                admin.send(
                    "PUT",
                    "/api/measures/" + id + "/mjob?corporation=DEMO",
                    "[{\"lineId\":" + lineId + ",\"movedToYear\":" + (year + 1) + "}]"));
    nl.veerkracht.support.StreamedRequest.Answer refused =
        nl.veerkracht.support.StreamedRequest.send(
            port,
            "PUT",
            "/api/measures/" + id + "/mjob?corporation=DEMO",
            admin.authorization(),
            "application/json",
            hugeBody);
    HttpResponse<String> done = normal.join();
    System.out.printf(
        "[bounds] %,d-byte MJOB request answered %d in %d ms; a normal one beside it %d%n",
        hugeBody.length, refused.status(), refused.millis(), done.statusCode());
    assertThat(refused.status()).as(refused.body()).isEqualTo(413);
    assertThat(refused.body()).contains("MB");
    assertThat(refused.millis()).isLessThan(1_000);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    // within the size limit, more entries than the complex has lines are refused before writing
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 2_000; i++) {
      many.append(i == 0 ? "" : ",").append("{\"lineId\":").append(lineId).append('}');
    }
    many.append(']');
    HttpResponse<String> tooMany =
        admin.send("PUT", "/api/measures/" + id + "/mjob?corporation=DEMO", many.toString());
    assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
    assertThat(tooMany.body()).contains("MJOB");
    assertThat(admin.getJson("/api/measures/" + id + "?corporation=DEMO").get("mjob")).hasSize(1);
  }

  BigDecimal totalOf(int from, int to) {
    return admin
        .getJson("/api/budget?corporation=DEMO&from=" + from + "&to=" + to + "&scope=" + complex)
        .get("totals")
        .get("total")
        .decimalValue();
  }

  @Test
  void aStreefhuurAboveTheDaebLimitIsWarnedWithAmountYearAndSourceAndAnUnknownYearSaysSo() {
    HttpResponse<String> r =
        admin.postJson(
            "/api/measures", measure("huurprijsbeleid", "", 2026, 2027, ",\"streefhuurEuro\":950"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode warnings = Http.JSON.readTree(r.body()).get("warnings");
    List<String> nl = new ArrayList<>();
    warnings.forEach(w -> nl.add(w.get("nl").stringValue()));
    assertThat(nl)
        .contains(
            "Streefhuur € 950,00 ligt boven de DAEB-huurgrens 2026 van € 932,93 (bron:"
                + " Rijksoverheid, huurprijsgrens 2026).",
            "Geen DAEB-huurgrens bekend voor 2027: de streefhuur is voor die jaren niet"
                + " gecontroleerd.");
    assertThat(nl).noneMatch(w -> w.contains("DAEB-huurgrens 2027 van"));
    // under the limit of a known year: no DAEB warning
    JsonNode under =
        Http.JSON.readTree(
            admin
                .postJson(
                    "/api/measures",
                    measure("huurprijsbeleid", "", 2026, 2026, ",\"streefhuurEuro\":900"))
                .body());
    under
        .get("warnings")
        .forEach(w -> assertThat(w.get("nl").stringValue()).doesNotContain("DAEB"));
  }

  @Test
  void aStreefhuurAboveTheAftoppingsgrensWarnsForUnitsLetUnderPassendToewijzen() {
    String passend =
        jdbc.sql(
                """
            SELECT c.code FROM stock_cluster c JOIN corporation k ON k.id = c.corporation_id
              JOIN stock_unit_cluster uc ON uc.cluster_id = c.id
              JOIN LATERAL (SELECT a.income_class FROM allocation a WHERE a.unit_id = uc.unit_id
                             ORDER BY a.allocated_on DESC LIMIT 1) last ON true
             WHERE k.code = 'DEMO' AND c.type = k.complex_cluster_type AND last.income_class = 'below_limit'
             ORDER BY c.code LIMIT 1""")
            .query(String.class)
            .single();
    HttpResponse<String> r =
        admin.postJson(
            "/api/measures",
            measure("huurprijsbeleid", "", 2025, 2025, ",\"streefhuurEuro\":750")
                .replace(complex, passend));
    assertThat(r.body()).contains("aftoppingsgrens 2025").contains("€ 682,96");
  }

  @Test
  void badMeasuresAreRefusedWithAClearMessageAndWriteNothing() {
    long before = count();
    for (String body :
        List.of(
            "{",
            "<measure/>",
            measure("vliegen", "", 2026, 2026, ""),
            measure("fysiek", "", 2030, 2026, ""),
            measure("fysiek", "{\"kind\":\"weekly\",\"amountEuro\":1}", 2026, 2026, ""),
            measure("fysiek", "{\"kind\":\"once\",\"amountEuro\":-5}", 2026, 2026, ""),
            measure("fysiek", "", 2026, 2026, "")
                .replace(complex, "'; DROP TABLE planned_measure;--"),
            measure("fysiek", "", 2026, 2026, ",\"areaCode\":\"BU03440000\""),
            measure(
                "fysiek",
                "",
                2026,
                2026,
                ",\"target\":{\"indicator\":\"nope\",\"value\":1,\"year\":2030}"),
            measure("fysiek", "", 2026, 2026, ",\"atelierMeasureId\":999999"))) {
      HttpResponse<String> r = admin.post("/api/measures", "application/json", body);
      assertThat(r.statusCode()).as(body + " -> " + r.body()).isIn(400, 415);
    }
    assertThat(count()).isEqualTo(before);
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM planned_measure").query(Long.class).single();
  }

  @Test
  void everyNewEndpointAnswers401WithoutLoginAnd403ToAnotherCorporationsStaff() {
    long id =
        Http.JSON
            .readTree(admin.postJson("/api/measures", measure("fysiek", "", 2026, 2026, "")).body())
            .get("id")
            .longValue();
    String q = "corporation=DEMO&complex=" + complex;
    List<String[]> calls =
        List.of(
            new String[] {"GET", "/api/measures?corporation=DEMO", null},
            new String[] {"POST", "/api/measures", measure("fysiek", "", 2026, 2026, "")},
            new String[] {"GET", "/api/measures/" + id + "?corporation=DEMO", null},
            new String[] {"PUT", "/api/measures/" + id, measure("fysiek", "", 2026, 2026, "")},
            new String[] {"PUT", "/api/measures/" + id + "/mjob?corporation=DEMO", "[]"},
            new String[] {"DELETE", "/api/measures/" + id + "?corporation=DEMO", null},
            new String[] {"GET", "/api/measures/catalogue?corporation=DEMO", null},
            new String[] {
              "POST",
              "/api/measures/catalogue?corporation=DEMO",
              "{\"lever\":\"fysiek\",\"title\":\"X\",\"costKind\":\"once\",\"durationYears\":1}"
            },
            new String[] {"GET", "/api/budget?corporation=DEMO", null},
            new String[] {"GET", "/api/budget.xlsx?corporation=DEMO", null},
            new String[] {"GET", "/api/plans?" + q, null},
            new String[] {"PUT", "/api/plans?" + q, "{\"summary\":\"x\"}"},
            new String[] {"POST", "/api/plans/approve?" + q, ""},
            new String[] {"GET", "/api/plans/export.pdf?" + q, null},
            new String[] {"GET", "/api/plans/export.xlsx?" + q, null},
            new String[] {"UPLOAD", "/api/plans/import?" + q, null},
            new String[] {"GET", "/maatregelen?corporation=DEMO", null},
            new String[] {"GET", "/maatregelen/" + id + "?corporation=DEMO", null},
            new String[] {"GET", "/beheerplan?" + q, null},
            new String[] {"GET", "/begroting?corporation=DEMO", null});
    Http anonymous = new Http(port);
    for (String[] c : calls) {
      HttpResponse<String> r = call(anonymous, c);
      if (c[1].startsWith("/api/")) {
        assertThat(r.statusCode()).as("anonymous " + c[0] + " " + c[1]).isEqualTo(401);
      } else {
        assertThat(r.statusCode()).as("anonymous " + c[0] + " " + c[1]).isIn(302, 401);
      }
      assertThat(call(as("olaf"), c).statusCode()).as("olaf " + c[0] + " " + c[1]).isEqualTo(403);
    }
    // a viewer reads but does not plan; an analyst plans but does not approve
    assertThat(as("vera").get("/api/budget?corporation=DEMO").statusCode()).isEqualTo(200);
    assertThat(call(as("vera"), calls.get(1)).statusCode()).isEqualTo(403);
    assertThat(admin.postJson("/api/plans/approve?" + q, "").statusCode()).isEqualTo(403);
    assertThat(admin.getJson("/api/measures/" + id + "?corporation=DEMO").get("id").longValue())
        .isEqualTo(id);
  }

  HttpResponse<String> call(Http http, String[] c) {
    return switch (c[0]) {
      case "GET" -> http.get(c[1]);
      case "DELETE" -> http.delete(c[1]);
      case "POST" -> http.postJson(c[1], c[2]);
      case "UPLOAD" -> http.upload(c[1], "plan.xlsx", new byte[] {1, 2, 3});
      default -> http.send(c[0], c[1], c[2]);
    };
  }

  @Test
  void anApprovedVersionIsFrozenAndTheNextEditMakesTheNextVersion() {
    String other =
        jdbc.sql(
                "SELECT c.code FROM stock_cluster c JOIN corporation k ON k.id = c.corporation_id"
                    + " WHERE k.code = 'DEMO' AND c.type = k.complex_cluster_type AND c.code <> ?"
                    + " ORDER BY c.code DESC LIMIT 1")
            .param(complex)
            .query(String.class)
            .single();
    String body =
        measure("fysiek", "{\"kind\":\"once\",\"amountEuro\":5000}", 2027, 2027, "")
            .replace(complex, other);
    long id =
        Http.JSON.readTree(as("mona").postJson("/api/measures", body).body()).get("id").longValue();
    String q = "/api/plans?corporation=DEMO&complex=" + other;
    assertThat(admin.getJson(q).get("status").stringValue()).isEqualTo("draft");
    HttpResponse<String> approved =
        as("mona").postJson("/api/plans/approve?corporation=DEMO&complex=" + other, "");
    assertThat(approved.body()).isEqualTo("{\"version\":1}");
    assertThat(
            as("mona")
                .postJson("/api/plans/approve?corporation=DEMO&complex=" + other, "")
                .statusCode())
        .isEqualTo(409);
    as("mona").send("PUT", "/api/measures/" + id, body.replace("5000", "7500"));
    JsonNode draft = admin.getJson(q);
    assertThat(draft.get("version").intValue()).isEqualTo(2);
    assertThat(draft.get("status").stringValue()).isEqualTo("draft");
    assertThat(draft.get("content").get("total").decimalValue()).isEqualByComparingTo("7500");
    JsonNode v1 = admin.getJson(q + "&version=1");
    assertThat(v1.get("content").get("total").decimalValue()).isEqualByComparingTo("5000");
    assertThat(v1.get("approved").get("approvedBy").stringValue()).isEqualTo("mona");
    // the database refuses to change a frozen version
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> jdbc.sql("UPDATE management_plan_version SET approved_by = 'x'").update())
        .hasMessageContaining("frozen");
  }

  @Test
  void anEditedBeheerplanWorkbookIsReadBackAllOrNothing() throws Exception {
    String third =
        jdbc.sql(
                "SELECT c.code FROM stock_cluster c JOIN corporation k ON k.id = c.corporation_id"
                    + " WHERE k.code = 'DEMO' AND c.type = k.complex_cluster_type"
                    + " ORDER BY c.code DESC OFFSET 1 LIMIT 1")
            .query(String.class)
            .single();
    String body =
        measure("sociaal_beheer", "{\"kind\":\"per_year\",\"amountEuro\":800}", 2027, 2028, "")
            .replace(complex, third);
    long id =
        Http.JSON.readTree(admin.postJson("/api/measures", body).body()).get("id").longValue();
    String q = "corporation=DEMO&complex=" + third;
    byte[] xlsx = admin.getBytes("/api/plans/export.xlsx?" + q).body();

    byte[] edited = edit(xlsx, 3, "lopend", 6, "Team Wonen");
    HttpResponse<String> ok = admin.upload("/api/plans/import?" + q, "plan.xlsx", edited);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("{\"updated\":1}");
    JsonNode m = admin.getJson("/api/measures/" + id + "?corporation=DEMO");
    assertThat(m.get("status").stringValue()).isEqualTo("lopend");
    assertThat(m.get("owner").stringValue()).isEqualTo("Team Wonen");
    assertThat(m.get("totalEuro").decimalValue()).isEqualByComparingTo("1600");
    // the same file again changes nothing
    assertThat(admin.upload("/api/plans/import?" + q, "plan.xlsx", edited).body())
        .isEqualTo("{\"updated\":0}");

    // a bad status, a year that is no number, a measure of another plan: 400 naming the row
    for (byte[] bad :
        List.of(
            edit(edited, 3, "klaar", 6, "Iemand anders"),
            edit(edited, 4, "volgend jaar", 6, "Iemand anders"),
            editId(edited, 999999),
            "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
      HttpResponse<String> r = admin.upload("/api/plans/import?" + q, "plan.xlsx", bad);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    }
    assertThat(
            admin
                .upload("/api/plans/import?" + q, "plan.xlsx", edit(edited, 3, "klaar", 6, "X"))
                .body())
        .contains("Row 2");
    JsonNode unchanged = admin.getJson("/api/measures/" + id + "?corporation=DEMO");
    assertThat(unchanged.get("owner").stringValue()).isEqualTo("Team Wonen");
    assertThat(as("olaf").upload("/api/plans/import?" + q, "plan.xlsx", edited).statusCode())
        .isEqualTo(403);
  }

  static byte[] edit(byte[] xlsx, int column, String value, int column2, String value2)
      throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Row r = wb.getSheet("Maatregelen").getRow(1);
      r.getCell(column).setCellValue(value);
      r.getCell(column2).setCellValue(value2);
      var out = new java.io.ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  static byte[] editId(byte[] xlsx, long id) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      wb.getSheet("Maatregelen").getRow(1).getCell(0).setCellValue(id);
      var out = new java.io.ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }
}
