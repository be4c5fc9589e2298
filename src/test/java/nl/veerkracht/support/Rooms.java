package nl.veerkracht.support;

import nl.veerkracht.cli.CommandLine;

/** What the atelier browser tests share: Baarn's buurten, a corporation and its facilitator. */
public final class Rooms {

  private Rooms() {}

  /**
   * Imports Baarn's buurten (idempotent: the tests share one database), makes the corporation and a
   * facilitator {@code user} with password {@code user-password}; that facilitator, signed in.
   */
  public static Http facilitator(
      CommandLine commandLine, int port, String corporation, String name, String user) {
    Cli.run(
        commandLine,
        "import",
        Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString());
    Http admin = new Http(port).as("admin", "admin-test-password");
    admin.postJson(
        "/api/corporations", "{\"code\":\"" + corporation + "\",\"name\":\"" + name + "\"}");
    admin.postJson(
        "/api/admin/users",
        "{\"username\":\""
            + user
            + "\",\"password\":\""
            + user
            + "-password\",\"memberships\":[{\"corporation\":\""
            + corporation
            + "\",\"role\":\"FACILITATOR\"}]}");
    return new Http(port).as(user, user + "-password");
  }
}
