package nl.veerkracht.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.veerkracht.support.Http;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Must show 5 of the trust issue: single sign-on against an OpenID Connect provider the test starts
 * itself; the account, its corporation and its role come from the provider's claims; a provider's
 * user cannot take over a local account of the same name.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_oidc")
@ActiveProfiles("test")
class OidcIT {

  static final MockOAuth2Server IDP = new MockOAuth2Server();

  static {
    IDP.start();
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry r) {
    String p = "spring.security.oauth2.client.";
    r.add(p + "registration.entra.client-id", () -> "veerkracht");
    r.add(p + "registration.entra.client-secret", () -> "secret");
    r.add(p + "registration.entra.client-name", () -> "Entra ID");
    r.add(p + "registration.entra.scope", () -> "openid,profile");
    r.add(p + "provider.entra.issuer-uri", () -> IDP.issuerUrl("entra").toString());
  }

  @AfterAll
  static void stop() {
    IDP.shutdown();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.ALWAYS)
        .build();
  }

  HttpResponse<String> get(HttpClient c, String path) throws Exception {
    return c.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void provides(String username, Map<String, Object> claims) {
    java.util.Map<String, Object> all = new java.util.HashMap<>(claims);
    all.put("preferred_username", username);
    IDP.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "entra", "subject-" + username, "JWT", List.of("veerkracht"), all, 3600));
  }

  @Test
  void theProvidersClaimsGiveTheAccountItsCorporationAndRole() throws Exception {
    Http admin = new Http(port).as("admin", "admin-test-password");
    admin.postJson("/api/corporations", "{\"code\":\"SSO\",\"name\":\"SSO Wonen\"}");
    admin.postJson("/api/corporations", "{\"code\":\"ANDER\",\"name\":\"Andere Wonen\"}");
    assertThat(get(browser(), "/login").body())
        .contains("/oauth2/authorization/entra")
        .contains("Entra ID");

    provides(
        "ines@gemeente.example",
        Map.of("veerkracht_corporation", "SSO", "veerkracht_role", "ANALYST"));
    HttpClient ines = browser();
    HttpResponse<String> signedIn = get(ines, "/oauth2/authorization/entra");
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.uri().getPath()).doesNotContain("login");
    String corporations = get(ines, "/api/corporations").body();
    assertThat(corporations).contains("SSO").doesNotContain("ANDER");
    assertThat(admin.get("/api/admin/users").body())
        .contains("ines@gemeente.example")
        .contains("\"role\":\"ANALYST\"");
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'sign-in' AND actor = ?")
                .param("ines@gemeente.example")
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // the provider is the source of truth: a later sign-in with another role changes it
    provides(
        "ines@gemeente.example",
        Map.of("veerkracht_corporation", "SSO", "veerkracht_role", "VIEWER"));
    HttpClient again = browser();
    assertThat(get(again, "/oauth2/authorization/entra").statusCode()).isEqualTo(200);
    assertThat(admin.get("/api/admin/users").body()).contains("\"role\":\"VIEWER\"");
  }

  @Test
  void anOrganisationClaimMakesAPartnerAccountThatIsNoStaff() throws Exception {
    Http admin = new Http(port).as("admin", "admin-test-password");
    admin.postJson("/api/corporations", "{\"code\":\"SSO\",\"name\":\"SSO Wonen\"}");
    assertThat(
            admin
                .postJson(
                    "/api/admin/organisations",
                    "{\"code\":\"POLSSO\",\"name\":\"Politie SSO\",\"kind\":\"POLITIE\"}")
                .statusCode())
        .isEqualTo(201);
    // the organisation wins over any corporation claim: a partner is never staff
    provides(
        "piet@politie.example",
        Map.of(
            "veerkracht_organisation",
            "POLSSO",
            "veerkracht_corporation",
            "SSO",
            "veerkracht_role",
            "ANALYST"));
    HttpClient piet = browser();
    assertThat(get(piet, "/oauth2/authorization/entra").statusCode()).isEqualTo(200);
    HttpResponse<String> shared = get(piet, "/partner");
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.body()).contains("Gedeeld met uw organisatie", "Politie SSO");
    assertThat(get(piet, "/api/corporations").statusCode()).isEqualTo(403);
    assertThat(get(piet, "/voorraad?corporation=SSO").statusCode()).isEqualTo(403);
    tools.jackson.databind.JsonNode users = admin.getJson("/api/admin/users");
    tools.jackson.databind.JsonNode account = null;
    for (tools.jackson.databind.JsonNode u : users) {
      if (u.get("username").asString().equals("piet@politie.example")) {
        account = u;
      }
    }
    assertThat(account).isNotNull();
    assertThat(account.get("organisation").asString()).isEqualTo("POLSSO");
    assertThat(account.get("memberships").size()).isZero();
  }

  @Test
  void aProvidersUserCannotTakeOverALocalAccount() throws Exception {
    provides("admin", Map.of("veerkracht_corporation", "SSO", "veerkracht_role", "ANALYST"));
    HttpClient mallory = browser();
    HttpResponse<String> r = get(mallory, "/oauth2/authorization/entra");
    assertThat(r.uri().toString()).contains("/login?sso");
    assertThat(get(mallory, "/api/corporations").statusCode()).isEqualTo(401);
  }
}
