package nl.veerkracht.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** Accounts made through the admin API, each with password {@code NAME-password-1}. */
public final class Accounts {

  private Accounts() {}

  /** Staff of the corporation in this role (ANALYST, FACILITATOR, MANAGER, VIEWER). */
  public static void staff(Http admin, String name, String corporation, String role) {
    made(
        admin.postJson(
            "/api/admin/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + name
                + "-password-1\",\"memberships\":[{\"corporation\":\""
                + corporation
                + "\",\"role\":\""
                + role
                + "\"}]}"));
  }

  /** A partner account of the organisation. */
  public static void partner(Http admin, String name, String organisation) {
    made(
        admin.postJson(
            "/api/admin/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + name
                + "-password-1\",\"organisation\":\""
                + organisation
                + "\"}"));
  }

  /** A signed-in client of an account made here. */
  public static Http as(int port, String name) {
    return new Http(port).as(name, name + "-password-1");
  }

  private static void made(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
