package nl.veerkracht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Must show 5 of the foundation issue: public data is readable without login; own data and writes
 * answer 401 without credentials and work with the administrator's.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_security")
@ActiveProfiles("test")
class SecurityIT {

  @LocalServerPort int port;

  Http anonymous() {
    return new Http(port);
  }

  Http admin() {
    return new Http(port).as("admin", "admin-test-password");
  }

  @Test
  void publicDataNeedsNoLogin() {
    assertThat(anonymous().get("/api/areas?level=gemeente&year=2022").statusCode()).isEqualTo(200);
    assertThat(anonymous().get("/api/indicators").statusCode()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health").body()).contains("\"status\":\"UP\"");
    assertThat(anonymous().get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void ownDataAndWritesAnswer401WithoutCredentials() {
    HttpResponse<String> corporations = anonymous().get("/api/corporations");
    assertThat(corporations.statusCode()).isEqualTo(401);
    assertThat(corporations.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(
            anonymous()
                .upload("/api/imports", "x.csv", "code;year;indicator;value\n".getBytes())
                .statusCode())
        .isEqualTo(401);
    assertThat(
            anonymous()
                .postJson("/api/corporations", "{\"code\":\"X\",\"name\":\"X\"}")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void wrongPasswordIs401() {
    assertThat(new Http(port).as("admin", "wrong").get("/api/corporations").statusCode())
        .isEqualTo(401);
  }

  @Test
  void theAdministratorCanListCreateAndImport() {
    HttpResponse<String> created =
        admin()
            .postJson(
                "/api/corporations", "{\"code\":\"WBV\",\"name\":\"Woonstichting Voorbeeld\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(admin().get("/api/corporations").body()).contains("\"code\":\"WBV\"");
    HttpResponse<String> imported =
        admin()
            .upload(
                "/api/imports",
                "values.csv",
                "code;year;indicator;value\nBU03080000;2024;inhabitants;1825\n".getBytes());
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body()).contains("\"status\":\"imported\"");
    assertThat(anonymous().get("/api/areas/BU03080000?year=2024").body())
        .contains("\"inhabitants\"");
  }

  @Test
  void rejectedImportAnswers422WithTheReport() {
    HttpResponse<String> r =
        admin()
            .upload(
                "/api/imports",
                "bad.csv",
                "code;year;indicator;value\nBU123;2024;inhabitants;1\n".getBytes());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("\"status\":\"rejected\"").contains("BU123");
  }

  @Test
  void invalidCorporationInputIs400() {
    assertThat(
            admin()
                .postJson("/api/corporations", "{\"code\":\"<script>\",\"name\":\"x\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(admin().postJson("/api/corporations", "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void pagesCarrySecurityHeaders() {
    HttpResponse<String> home = anonymous().get("/");
    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline"));
    assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void unknownApiPathIs404Json() {
    HttpResponse<String> r = anonymous().get("/api/areas/BU123");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("not a CBS area code");
  }

  @Test
  void loginPageIsInDutchByDefaultAndEnglishOnRequest() {
    assertThat(anonymous().get("/login").body()).contains("Inloggen").contains("lang=\"nl\"");
    assertThat(anonymous().get("/login?lang=en").body()).contains("Log in").contains("lang=\"en\"");
  }
}
