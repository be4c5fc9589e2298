package nl.veerkracht.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Must show 3 of the own-stock issue: staff of corporation A cannot read corporation B's units,
 * clusters, maintenance plan, allocations, turnover or signals through any API path or page. The
 * API paths are taken from the running application (every GET mapping with a {@code corporation}
 * parameter), so a new endpoint is checked without changing this test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_tenancy")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT {

  @LocalServerPort int port;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  Http admin;
  Http ana;
  Http bob;

  @BeforeAll
  void twoCorporationsWithTheirOwnStaffAndStock() {
    admin = new Http(port).as("admin", "admin-test-password");
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"CORPA\",\"name\":\"Corporatie A\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"CORPB\",\"name\":\"Corporatie B\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    """
        {"username":"ana","password":"ana-password","memberships":[{"corporation":"CORPA","role":"ANALYST"}]}""")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    """
        {"username":"bob","password":"bob-password","memberships":[{"corporation":"CORPB","role":"ANALYST"}]}""")
                .statusCode())
        .isEqualTo(201);
    ana = new Http(port).as("ana", "ana-password");
    bob = new Http(port).as("bob", "bob-password");
    HttpResponse<String> units =
        bob.upload(
            "/api/imports",
            "b_vhe.csv",
            ("VHE-nummer;Straat;Huisnummer;Postcode;Huurprijs;Complexnummer\nGEHEIM-1;Geheimstraat;1;3743AB;650;CB1\n")
                .getBytes(),
            "corporation",
            "CORPB");
    assertThat(units.statusCode()).as(units.body()).isEqualTo(200);
    assertThat(
            bob.upload(
                    "/api/imports",
                    "b_mjob.csv",
                    "Complexnummer;Jaar;Activiteit;Kosten\nCB1;2027;Geheim onderhoud;1000\n"
                        .getBytes(),
                    "corporation",
                    "CORPB")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            bob.upload(
                    "/api/imports",
                    "b_toewijzing.csv",
                    "VHE-nummer;Toewijzingsdatum;Inkomensklasse\nGEHEIM-1;2025-02-01;passend\n"
                        .getBytes(),
                    "corporation",
                    "CORPB")
                .statusCode())
        .isEqualTo(200);
  }

  /** Every GET path of the API that names a corporation. */
  List<String> corporationEndpoints() {
    List<String> paths = new ArrayList<>();
    for (var e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      HandlerMethod method = e.getValue();
      boolean get =
          info.getMethodsCondition().getMethods().isEmpty()
              || info.getMethodsCondition().getMethods().contains(RequestMethod.GET);
      boolean takesCorporation =
          java.util.Arrays.stream(method.getMethodParameters())
              .anyMatch(p -> "corporation".equals(p.getParameterName()));
      for (String raw : info.getPatternValues()) {
        // a complex named in the path: corporation B's complex CB1
        String path = raw.replace("{code}", "CB1");
        // a partner's reads name the corporation that shared with it: PartnerIT checks them
        boolean staffPath = path.startsWith("/api/") && !path.startsWith("/api/partner/");
        if (get && takesCorporation && staffPath && !path.contains("{")) {
          paths.add(path);
        }
      }
    }
    return paths;
  }

  @Test
  void everyApiPathThatNamesACorporationRefusesOtherStaff() {
    List<String> endpoints = corporationEndpoints();
    assertThat(endpoints)
        .contains(
            "/api/complexes",
            "/api/stock/units",
            "/api/stock/clusters",
            "/api/stock/maintenance",
            "/api/stock/allocations",
            "/api/stock/turnover",
            "/api/stock/signals",
            "/api/stock/areas",
            "/api/complexes/CB1/profile");
    for (String path : endpoints) {
      HttpResponse<String> own = bob.get(path + "?corporation=CORPB");
      assertThat(own.statusCode()).as("bob on " + path).isEqualTo(200);
      HttpResponse<String> other = ana.get(path + "?corporation=CORPB");
      assertThat(other.statusCode()).as("ana on " + path).isEqualTo(403);
      assertThat(other.body()).doesNotContain("GEHEIM");
      HttpResponse<String> withCluster = ana.get(path + "?corporation=CORPB&cluster=CB1");
      assertThat(withCluster.statusCode()).as("ana on " + path + " with a cluster").isEqualTo(403);
      assertThat(new Http(port).get(path + "?corporation=CORPB").statusCode())
          .as("anonymous on " + path)
          .isEqualTo(401);
      assertThat(ana.get(path + "?corporation=NOSUCH").statusCode())
          .as("an unknown corporation looks the same")
          .isEqualTo(403);
    }
    assertThat(bob.get("/api/stock/units?corporation=CORPB").body())
        .contains("GEHEIM-1", "Geheimstraat");
  }

  @Test
  void importsAndMappingsForAnotherCorporationAreRefused() {
    HttpResponse<String> upload =
        ana.upload(
            "/api/imports",
            "x.csv",
            "VHE-nummer;Postcode;Huurprijs\nX-1;3743AB;600\n".getBytes(),
            "corporation",
            "CORPB");
    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(ana.postJson("/api/mappings?corporation=CORPB", "{\"name\":\"x\"}").statusCode())
        .isEqualTo(403);
  }

  static String mapping(String name, String target) {
    return "{\"name\":\""
        + name
        + "\",\"match\":{\"columns\":[\"code\",\"waarde\"]},\"format\":\"csv\","
        + "\"delimiter\":\";\",\"code\":\"code\",\"year\":{\"fixed\":2020},"
        + "\"columns\":{\"waarde\":\""
        + target
        + "\"}}";
  }

  @Test
  void sharedMappingsHaveOwnersAndPublicDataHasStewards() {
    HttpResponse<String> shared =
        admin.postJson("/api/mappings", mapping("gedeeld", "inhabitants"));
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    // an analyst is no data steward: no shared mapping, no public-data import
    assertThat(ana.postJson("/api/mappings", mapping("gedeeld", "households")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> publicImport =
        ana.upload("/api/imports", "x.csv", "code;waarde\nBU03080000;5\n".getBytes());
    assertThat(publicImport.statusCode()).isEqualTo(403);
    assertThat(publicImport.body()).contains("data steward");
    // a data steward may write public data, but not change a mapping someone else made
    assertThat(admin.send("PUT", "/api/admin/users/bob/data-steward?value=true", "").statusCode())
        .isEqualTo(200);
    try {
      HttpResponse<String> overwrite =
          bob.postJson("/api/mappings", mapping("gedeeld", "households"));
      assertThat(overwrite.statusCode()).as(overwrite.body()).isEqualTo(403);
      assertThat(admin.get("/api/mappings").body()).contains("inhabitants");
      assertThat(bob.postJson("/api/mappings", mapping("van-bob", "households")).statusCode())
          .isEqualTo(201);
      assertThat(bob.postJson("/api/mappings", mapping("van-bob", "inhabitants")).statusCode())
          .isEqualTo(201);
      // the administrator may change anyone's
      assertThat(admin.postJson("/api/mappings", mapping("van-bob", "households")).statusCode())
          .isEqualTo(201);
    } finally {
      admin.send("PUT", "/api/admin/users/bob/data-steward?value=false", "");
    }
  }

  @Test
  void corporationListShowsOnlyYourOwn() {
    assertThat(ana.get("/api/corporations").body()).contains("CORPA").doesNotContain("CORPB");
  }

  @Test
  void pagesRefuseOtherStaffToo() {
    for (String path :
        List.of("/voorraad?corporation=CORPB", "/voorraad/OND/CB1?corporation=CORPB")) {
      HttpResponse<String> r = ana.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(r.body()).doesNotContain("GEHEIM").doesNotContain("Geheim onderhoud");
    }
    assertThat(bob.get("/voorraad/OND/CB1?corporation=CORPB").body()).contains("Geheim onderhoud");
    assertThat(ana.get("/gegevens/geschiedenis").body()).doesNotContain("b_vhe.csv");
  }

  static Set<String> unused() {
    return Set.of();
  }
}
