package nl.veerkracht.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Accounts;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, partners: staff of a gemeente or the police read what a corporation shared with their
 * organisation (approved beheerplannen without amounts, ateliers held there) and nothing else; only
 * a manager shares; a share taken back closes the door again; all of it audited.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_partner")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerIT {

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;

  Http admin;
  Http mia;
  Http ana;
  Http bob;
  Http pia;
  Http piet;
  String buurtOfCa1;
  String buurtOfCa2;
  long atelierCa1;
  long atelierCa2;

  @BeforeAll
  void corporationWithPlansAteliersAndTwoPartnerOrganisations() throws Exception {
    Cli.run(
        commandLine,
        "import",
        Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString());
    admin = new Http(port).as("admin", "admin-test-password");
    for (String c : List.of("CORPA", "CORPB")) {
      ok(admin.postJson("/api/corporations", "{\"code\":\"" + c + "\",\"name\":\"" + c + "\"}"));
    }
    ok(
        admin.postJson(
            "/api/admin/organisations",
            "{\"code\":\"GEMBAARN\",\"name\":\"Gemeente Baarn\",\"kind\":\"gemeente\"}"));
    ok(
        admin.postJson(
            "/api/admin/organisations",
            "{\"code\":\"POLITIE\",\"name\":\"Politie Midden-Nederland\",\"kind\":\"POLITIE\"}"));
    Accounts.staff(admin, "mia", "CORPA", "MANAGER");
    Accounts.staff(admin, "ana", "CORPA", "ANALYST");
    Accounts.staff(admin, "bob", "CORPB", "MANAGER");
    Accounts.partner(admin, "pia", "GEMBAARN");
    Accounts.partner(admin, "piet", "POLITIE");
    mia = Accounts.as(port, "mia");
    ana = Accounts.as(port, "ana");
    bob = Accounts.as(port, "bob");
    pia = Accounts.as(port, "pia");
    piet = Accounts.as(port, "piet");

    // two complexes far apart: Baarn centre and Lage Vuursche
    ok(
        ana.upload(
            "/api/imports",
            "a_vhe.csv",
            ("VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer\n"
                    + "A-1;Brink;1;3743AB;52.2125;5.2870;CA1\n"
                    + "A-2;Dorpsstraat;2;3749AA;52.1800;5.2240;CA2\n")
                .getBytes(),
            "corporation",
            "CORPA"));
    for (JsonNode c : ana.getJson("/api/complexes?corporation=CORPA")) {
      String buurt = c.get("buurtCodes").get(0).asString();
      if (c.get("code").asString().equals("CA1")) {
        buurtOfCa1 = buurt;
      } else {
        buurtOfCa2 = buurt;
      }
    }
    assertThat(buurtOfCa1).isNotNull().isNotEqualTo(buurtOfCa2);
    for (String complex : List.of("CA1", "CA2")) {
      ok(
          ana.postJson(
              "/api/measures",
              "{\"corporation\":\"CORPA\",\"title\":\"Buurtconciërge "
                  + complex
                  + "\",\"lever\":\"sociaal_beheer\",\"complexCode\":\""
                  + complex
                  + "\",\"costs\":[{\"kind\":\"per_year\",\"amountEuro\":43210}],"
                  + "\"startYear\":2027,\"endYear\":2028,\"partners\":\"Gemeente Baarn\"}"));
      ok(
          ana.send(
              "PUT",
              "/api/plans?corporation=CORPA&complex=" + complex,
              "{\"summary\":\"Rust in de portiek\",\"agreements\":\"De gemeente verlicht het"
                  + " pad; de politie loopt mee op woensdag ("
                  + complex
                  + ")\"}"));
      ok(mia.post("/api/plans/approve?corporation=CORPA&complex=" + complex, "text/plain", ""));
    }
    atelierCa1 = atelier("Atelier Brink", buurtOfCa1, "CA1");
    atelierCa2 = atelier("Atelier Vuursche", buurtOfCa2, "CA2");
    // a later draft: not approved, so no partner ever sees it
    ok(
        ana.send(
            "PUT",
            "/api/plans?corporation=CORPA&complex=CA1",
            "{\"summary\":\"CONCEPT nog niet besproken\",\"agreements\":\"\"}"));
  }

  long atelier(String name, String buurt, String complex) {
    HttpResponse<String> r =
        ana.postJson(
            "/api/ateliers",
            "{\"name\":\""
                + name
                + "\",\"type\":\"gebied\",\"corporation\":\"CORPA\",\"areaCodes\":[\""
                + buurt
                + "\"],\"complexCodes\":[\""
                + complex
                + "\"],\"votesPerParticipant\":3}");
    ok(r);
    return Http.JSON.readTree(r.body()).get("id").asLong();
  }

  static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
  }

  static boolean refused(HttpResponse<String> r) {
    return r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 404;
  }

  HttpResponse<String> share(Http who, String body) {
    return who.postJson("/api/shares", body);
  }

  long shares() {
    return mia.getJson("/api/shares?corporation=CORPA").size();
  }

  @Test
  void aPartnerReadsTheApprovedPlanAndAteliersOfWhatWasSharedAndNothingElse() throws Exception {
    assertThat(pia.getJson("/api/partner/shares").get("shares").size()).isZero();
    assertThat(pia.get("/api/partner/plans?corporation=CORPA&complex=CA1").statusCode())
        .isEqualTo(404);

    HttpResponse<String> made =
        share(
            mia,
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"complexCode\":\"CA1\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long shareId = Http.JSON.readTree(made.body()).get("id").asLong();
    try {
      JsonNode overview = pia.getJson("/api/partner/shares");
      assertThat(overview.get("organisation").get("code").asString()).isEqualTo("GEMBAARN");
      JsonNode covered = overview.get("shares").get(0);
      assertThat(covered.get("plans").size()).isEqualTo(1);
      assertThat(covered.get("plans").get(0).get("scopeCode").asString()).isEqualTo("CA1");
      assertThat(covered.get("ateliers").size()).isEqualTo(1);
      assertThat(covered.get("ateliers").get(0).get("id").asLong()).isEqualTo(atelierCa1);

      HttpResponse<String> plan = pia.get("/api/partner/plans?corporation=CORPA&complex=CA1");
      assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
      JsonNode p = Http.JSON.readTree(plan.body());
      assertThat(p.get("version").asInt()).isEqualTo(1);
      assertThat(p.get("approvedBy").asString()).isEqualTo("mia");
      JsonNode content = p.get("content");
      assertThat(content.get("agreements").asString()).contains("De gemeente verlicht het pad");
      assertThat(content.get("summary").asString()).isEqualTo("Rust in de portiek");
      JsonNode measure = content.get("measures").get(0);
      assertThat(measure.get("title").asString()).isEqualTo("Buurtconciërge CA1");
      assertThat(measure.get("costs").size()).isZero();
      assertThat(measure.get("perYear").size()).isZero();
      assertThat(measure.get("total").isNull()).isTrue();
      assertThat(content.get("total").isNull()).isTrue();
      assertThat(plan.body()).doesNotContain("43210").doesNotContain("CONCEPT");

      // the page says the same
      HttpResponse<String> page = pia.get("/partner/beheerplan?corporation=CORPA&complex=CA1");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("De gemeente verlicht het pad", "Buurtconciërge CA1", "goedgekeurd door mia")
          .doesNotContain("43.210")
          .doesNotContain("CONCEPT");
      HttpResponse<byte[]> pdf =
          pia.getBytes("/partner/beheerplan.pdf?corporation=CORPA&complex=CA1");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(nl.veerkracht.support.Documents.pdfText(pdf.body()))
          .contains("De gemeente verlicht het pad", "Buurtconciërge CA1", "Versie 1")
          .doesNotContain("43.210")
          .doesNotContain("€")
          .doesNotContain("CONCEPT");
      assertThat(pia.getBytes("/partner/beheerplan.pdf?corporation=CORPA&complex=CA2").statusCode())
          .isEqualTo(404);
      assertThat(pia.get("/partner").body())
          .contains("Gedeeld met uw organisatie", "Atelier Brink", "/partner/beheerplan?");
      HttpResponse<String> atelier = pia.get("/partner/ateliers/" + atelierCa1);
      assertThat(atelier.statusCode()).isEqualTo(200);
      assertThat(atelier.body()).contains("Atelier Brink").doesNotContain("export.xlsx");
      assertThat(pia.get("/api/partner/ateliers/" + atelierCa1).statusCode()).isEqualTo(200);

      // not shared: the other complex, the other atelier; another organisation sees nothing
      List<String> wrong = new ArrayList<>();
      for (String path :
          List.of(
              "/api/partner/plans?corporation=CORPA&complex=CA2",
              "/api/partner/plans?corporation=CORPB&complex=CA1",
              "/api/partner/plans?corporation=CORPA&area=" + buurtOfCa2,
              "/api/partner/ateliers/" + atelierCa2,
              "/partner/ateliers/" + atelierCa2,
              "/partner/beheerplan?corporation=CORPA&complex=CA2")) {
        if (pia.get(path).statusCode() != 404) {
          wrong.add("pia " + path);
        }
      }
      for (String path :
          List.of(
              "/api/partner/plans?corporation=CORPA&complex=CA1",
              "/api/partner/ateliers/" + atelierCa1)) {
        if (piet.get(path).statusCode() != 404) {
          wrong.add("piet " + path);
        }
      }
      assertThat(wrong).isEmpty();
    } finally {
      assertThat(mia.delete("/api/shares/" + shareId).statusCode()).isEqualTo(204);
    }
    // taken back: closed again
    assertThat(pia.get("/api/partner/plans?corporation=CORPA&complex=CA1").statusCode())
        .isEqualTo(404);
    assertThat(pia.get("/partner/ateliers/" + atelierCa1).statusCode()).isEqualTo(404);
    String audit = admin.get("/api/admin/audit").body();
    assertThat(audit).contains("share.create", "share.revoke", "GEMBAARN CA1");
  }

  /**
   * The register of what rooms recognised (issue 26, must show 8): two ateliers a year apart on one
   * buurt are both on the area's page and in {@code GET /api/recognition?area=}; a partner with a
   * share of the buurt reads the counts and never the remarks.
   */
  @Test
  void theRegisterKeepsWhatTwoAteliersAYearApartRecognisedAndAPartnerNeverSeesRemarks()
      throws Exception {
    String buurt = null;
    for (JsonNode b : admin.getJson("/api/areas?level=buurt&within=GM0308&year=2024")) {
      String code = b.get("code").asString();
      if (!code.equals(buurtOfCa1) && !code.equals(buurtOfCa2)) {
        buurt = code;
        break;
      }
    }
    assertThat(buurt).isNotNull();
    String[] remarks = {
      "Het voelt hier veiliger dan de kaart zegt", "Klopt, de portieken zijn rommelig"
    };
    String[] answers = {"niet_herkenbaar", "herkenbaar"};
    String[] dates = {"2026-01-20", "2027-01-19"};
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> made =
          ana.postJson(
              "/api/ateliers",
              "{\"name\":\"Herkenning "
                  + dates[i].substring(0, 4)
                  + "\",\"type\":\"gebied\",\"corporation\":\"CORPA\",\"areaCodes\":[\""
                  + buurt
                  + "\"],\"heldOn\":\""
                  + dates[i]
                  + "\"}");
      ok(made);
      JsonNode a = Http.JSON.readTree(made.body());
      long id = a.get("id").asLong();
      HttpResponse<String> joined =
          new Http(port)
              .postJson(
                  "/api/ateliers/join",
                  "{\"joinCode\":\""
                      + a.get("joinCode").asString()
                      + "\",\"displayName\":\"Deelnemer\",\"group\":\"bewoner\"}");
      ok(joined);
      Http participant =
          new Http(port)
              .bearer(Http.JSON.readTree(joined.body()).get("participantToken").asString());
      ok(ana.postJson("/api/ateliers/" + id + "/phase", "{\"phase\":\"READING\"}"));
      ok(
          participant.postJson(
              "/api/ateliers/" + id + "/answers",
              "{\"card\":\"lbm_class\",\"answer\":\""
                  + answers[i]
                  + "\",\"remark\":\""
                  + remarks[i]
                  + "\"}"));
    }

    JsonNode register = ana.getJson("/api/recognition?area=" + buurt);
    JsonNode judged = register.get("judged");
    assertThat(judged.findValues("year").stream().map(JsonNode::asInt)).containsExactly(2026, 2027);
    assertThat(judged.get(0).get("counts").get("NOT_RECOGNISED").asInt()).isEqualTo(1);
    assertThat(judged.get(1).get("counts").get("RECOGNISED").asInt()).isEqualTo(1);
    assertThat(judged.get(0).get("remarks").get(0).asString()).isEqualTo(remarks[0]);
    assertThat(judged.get(0).get("card").asString()).isEqualTo("lbm_class");
    assertThat(register.get("area").get("name").asString()).isNotEqualTo(buurt);
    assertThat(ana.get("/api/recognition?area=Baarn").statusCode()).isEqualTo(400);
    assertThat(bob.getJson("/api/recognition?area=" + buurt).get("judged").size())
        .as("another corporation's staff")
        .isZero();

    String page = ana.get("/gebied/" + buurt).body();
    assertThat(page)
        .contains("id=\"recognition-table\"", "data-year=\"2026\"", "data-year=\"2027\"")
        .contains(remarks[0], remarks[1], "Herkenning 2026", "Herkenning 2027");
    assertThat(ana.get("/ateliers/herkenning").body())
        .as("the page of figures rooms did not recognise")
        .contains("data-area=\"" + buurt + "\"", "Herkenning 2026")
        .doesNotContain("Herkenning 2027");

    HttpResponse<String> made =
        share(
            mia,
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"areaCode\":\""
                + buurt
                + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long shareId = Http.JSON.readTree(made.body()).get("id").asLong();
    try {
      HttpResponse<String> partner = pia.get("/api/partner/recognition?area=" + buurt);
      assertThat(partner.statusCode()).as(partner.body()).isEqualTo(200);
      JsonNode shared = Http.JSON.readTree(partner.body()).get("judged");
      assertThat(shared.findValues("year").stream().map(JsonNode::asInt))
          .containsExactly(2026, 2027);
      assertThat(shared.get(0).get("remarks").size()).isZero();
      assertThat(partner.body()).doesNotContain(remarks[0]).doesNotContain(remarks[1]);
      assertThat(piet.getJson("/api/partner/recognition?area=" + buurt).get("judged").size())
          .as("an organisation without the share")
          .isZero();
      assertThat(pia.get("/api/recognition?area=" + buurt).statusCode()).isEqualTo(403);
      assertThat(pia.get("/gebied/" + buurt).body()).doesNotContain(remarks[0]);
    } finally {
      ok(mia.delete("/api/shares/" + shareId));
    }
  }

  @Test
  void anAreaShareCoversTheComplexesAndAteliersInItOnly() {
    HttpResponse<String> made =
        share(
            mia,
            "{\"corporation\":\"CORPA\",\"organisation\":\"POLITIE\",\"areaCode\":\""
                + buurtOfCa2
                + "\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = Http.JSON.readTree(made.body()).get("id").asLong();
    try {
      JsonNode covered = piet.getJson("/api/partner/shares").get("shares").get(0);
      assertThat(covered.get("plans").findValuesAsString("scopeCode")).containsExactly("CA2");
      assertThat(covered.get("ateliers").findValues("id").stream().map(JsonNode::asLong))
          .containsExactly(atelierCa2);
      assertThat(piet.get("/api/partner/plans?corporation=CORPA&complex=CA2").statusCode())
          .isEqualTo(200);
      assertThat(piet.get("/api/partner/plans?corporation=CORPA&complex=CA1").statusCode())
          .isEqualTo(404);
      assertThat(pia.get("/api/partner/plans?corporation=CORPA&complex=CA2").statusCode())
          .isEqualTo(404);
    } finally {
      ok(mia.delete("/api/shares/" + id));
    }
  }

  @Test
  void onlyAManagerOfTheCorporationSharesAndBadSharesChangeNothing() {
    long before = shares();
    String good =
        "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"complexCode\":\"CA1\"}";
    assertThat(share(ana, good).statusCode()).isEqualTo(403);
    assertThat(share(bob, good).statusCode()).isEqualTo(403);
    assertThat(share(pia, good).statusCode()).isEqualTo(403);
    assertThat(share(new Http(port), good).statusCode()).isEqualTo(401);
    for (String bad :
        List.of(
            "{\"corporation\":\"CORPA\",\"organisation\":\"NOPE\",\"complexCode\":\"CA1\"}",
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"complexCode\":\"ZZ9\"}",
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"areaCode\":\"BU99999999\"}",
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"areaCode\":\"x' OR 1=1\"}",
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\",\"areaCode\":\"BU03080000\","
                + "\"complexCode\":\"CA1\"}",
            "{\"corporation\":\"CORPA\",\"organisation\":\"GEMBAARN\"}")) {
      HttpResponse<String> r = share(mia, bad);
      assertThat(r.statusCode()).as(bad + " -> " + r.body()).isEqualTo(400);
    }
    assertThat(shares()).isEqualTo(before);
    // another corporation's manager cannot take a share back either
    HttpResponse<String> made = share(mia, good);
    long id = Http.JSON.readTree(made.body()).get("id").asLong();
    assertThat(bob.delete("/api/shares/" + id).statusCode()).isEqualTo(404);
    assertThat(ana.delete("/api/shares/" + id).statusCode()).isEqualTo(403);
    assertThat(shares()).isEqualTo(before + 1);
    ok(mia.delete("/api/shares/" + id));
    assertThat(mia.get("/delen?corporation=CORPA").body()).contains("id=\"share-form\"");
    assertThat(ana.get("/delen?corporation=CORPA").body())
        .doesNotContain("id=\"share-form\"")
        .contains("id=\"share-managers\"");
  }

  @Test
  void aPartnerAccountIsNoStaffAndStaffAreNoPartners() {
    List<String> wrong = new ArrayList<>();
    for (String path :
        List.of(
            "/api/measures?corporation=CORPA",
            "/api/complexes?corporation=CORPA",
            "/api/stock/units?corporation=CORPA",
            "/api/plans?corporation=CORPA&complex=CA1",
            "/api/budget?corporation=CORPA",
            "/api/ateliers",
            "/api/ateliers/" + atelierCa1 + "/results",
            "/api/shares?corporation=CORPA",
            "/api/organisations",
            "/api/corporations",
            "/gegevens",
            "/ateliers",
            "/voorraad",
            "/beheerplan?corporation=CORPA&complex=CA1")) {
      HttpResponse<String> r = pia.get(path);
      if (!refused(r)) {
        wrong.add(path + " -> " + r.statusCode());
      }
    }
    for (String path : List.of("/api/partner/shares", "/partner")) {
      for (Http staff : List.of(mia, ana, admin)) {
        if (!refused(staff.get(path))) {
          wrong.add("staff " + path);
        }
      }
    }
    assertThat(wrong).isEmpty();
    // public data stays public for partners too
    assertThat(pia.get("/api/areas/BU03080000").statusCode()).isEqualTo(200);
    // a partner account never becomes staff
    HttpResponse<String> grant =
        admin.send("PUT", "/api/admin/users/pia/memberships/CORPA?role=VIEWER", "");
    assertThat(grant.statusCode()).as(grant.body()).isEqualTo(400);
    HttpResponse<String> both =
        admin.postJson(
            "/api/admin/users",
            "{\"username\":\"mixed\",\"password\":\"mixed-password-1\",\"organisation\":\"POLITIE\","
                + "\"memberships\":[{\"corporation\":\"CORPA\",\"role\":\"VIEWER\"}]}");
    assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
    assertThat(admin.get("/api/admin/users").body()).doesNotContain("\"mixed\"");
    HttpResponse<String> badKind =
        admin.postJson(
            "/api/admin/organisations", "{\"code\":\"X1\",\"name\":\"X\",\"kind\":\"BANK\"}");
    assertThat(badKind.statusCode()).isEqualTo(400);
    assertThat(
            ana.postJson(
                    "/api/admin/organisations",
                    "{\"code\":\"X2\",\"name\":\"X\",\"kind\":\"ZORG\"}")
                .statusCode())
        .isEqualTo(403);
  }
}
