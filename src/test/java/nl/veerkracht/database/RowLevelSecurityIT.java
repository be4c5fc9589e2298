package nl.veerkracht.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Accounts;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 12: own data is scoped in one place, the database. With a staff scope on the thread, the
 * data source every repository uses sees and writes only the scope's corporations' rows, whatever
 * the SQL asks; connections go back to the pool unscoped; and staff requests still get their own
 * data through the HTTP API while other corporations' stays closed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_rls")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityIT {

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired DataSource dataSource;

  JdbcClient jdbc;
  long a;
  long b;
  Http ana;

  @BeforeAll
  void twoCorporationsWithStockAndPlans() throws Exception {
    Cli.run(
        commandLine,
        "import",
        Demo.file("geo/baarn_buurten_2024_wgs84_pdok_full.geojson").toString());
    jdbc = JdbcClient.create(dataSource);
    Http admin = new Http(port).as("admin", "admin-test-password");
    for (String c : List.of("CORPA", "CORPB")) {
      ok(admin.postJson("/api/corporations", "{\"code\":\"" + c + "\",\"name\":\"" + c + "\"}"));
    }
    Accounts.staff(admin, "ana", "CORPA", "ANALYST");
    Accounts.staff(admin, "mia", "CORPA", "MANAGER");
    Accounts.staff(admin, "bob", "CORPB", "ANALYST");
    Accounts.staff(admin, "bea", "CORPB", "MANAGER");
    ana = Accounts.as(port, "ana");
    Http bob = Accounts.as(port, "bob");
    // A has two units in complex CA1, B three in CB1; each an approved beheerplan
    stock(ana, Accounts.as(port, "mia"), "CORPA", "A", "CA1", 2);
    stock(bob, Accounts.as(port, "bea"), "CORPB", "GEHEIM", "CB1", 3);
    a = id("CORPA");
    b = id("CORPB");
  }

  void stock(Http who, Http manager, String corporation, String prefix, String complex, int units) {
    StringBuilder csv =
        new StringBuilder(
            "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer\n");
    for (int i = 1; i <= units; i++) {
      csv.append(prefix + "-" + i + ";Brink;" + i + ";3743AB;52.2125;5.2870;" + complex + "\n");
    }
    ok(
        who.upload(
            "/api/imports", "vhe.csv", csv.toString().getBytes(), "corporation", corporation));
    ok(
        who.postJson(
            "/api/measures",
            "{\"corporation\":\""
                + corporation
                + "\",\"title\":\"Conciërge\",\"lever\":\"sociaal_beheer\",\"complexCode\":\""
                + complex
                + "\",\"startYear\":2027,\"endYear\":2027}"));
    ok(
        manager.post(
            "/api/plans/approve?corporation=" + corporation + "&complex=" + complex,
            "text/plain",
            ""));
  }

  long id(String code) {
    return jdbc.sql("SELECT id FROM corporation WHERE code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  static void ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
  }

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @AfterEach
  void unscoped() {
    StaffScope.clear();
  }

  @Test
  void aScopedThreadSeesAndWritesOnlyItsCorporationsRowsWhateverTheSqlAsks() {
    assertThat(count("SELECT count(*) FROM stock_unit")).isEqualTo(5);
    StaffScope.set(new long[] {a});
    assertThat(count("SELECT count(*) FROM stock_unit")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM stock_unit WHERE corporation_id = " + b)).isZero();
    assertThat(count("SELECT count(*) FROM stock_unit WHERE unit_code LIKE 'GEHEIM%'")).isZero();
    assertThat(count("SELECT count(*) FROM stock_cluster")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM planned_measure")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM management_plan_version")).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM planned_measure_cost c JOIN planned_measure m ON m.id = c.measure_id WHERE m.corporation_id = "
                    + b))
        .isZero();
    // a write for another corporation is refused by the database and changes nothing
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO signal_threshold (corporation_id, signal_type, per_100_units)"
                            + " VALUES (?, 'overlast', 5)")
                    .param(b)
                    .update())
        .rootCause()
        .hasMessageContaining("violates row-level security policy");
    assertThat(
            jdbc.sql("UPDATE stock_cluster SET name = 'overgenomen' WHERE corporation_id = ?")
                .param(b)
                .update())
        .isZero();
    StaffScope.set(new long[] {});
    assertThat(count("SELECT count(*) FROM stock_unit")).isZero();
    StaffScope.set(new long[] {a, b});
    assertThat(count("SELECT count(*) FROM stock_unit")).isEqualTo(5);
    StaffScope.clear();
    assertThat(count("SELECT count(*) FROM signal_threshold WHERE corporation_id = " + b)).isZero();
    assertThat(count("SELECT count(*) FROM stock_cluster WHERE name = 'overgenomen'")).isZero();
  }

  @Test
  void connectionsGoBackToThePoolUnscoped() {
    for (int i = 0; i < 12; i++) {
      StaffScope.set(new long[] {a});
      assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
          .isEqualTo(ScopedDataSource.ROLE);
      StaffScope.clear();
      assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
          .isEqualTo("postgres");
      assertThat(
              jdbc.sql("SELECT coalesce(current_setting('veerkracht.corporations', true), '')")
                  .query(String.class)
                  .single())
          .isEmpty();
      assertThat(count("SELECT count(*) FROM stock_unit")).isEqualTo(5);
    }
  }

  @Test
  void staffRequestsStillReadTheirOwnDataAndNotAnotherCorporations() {
    HttpResponse<String> own = ana.get("/api/stock/units?corporation=CORPA");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("A-1", "A-2").doesNotContain("GEHEIM");
    assertThat(ana.get("/api/stock/units?corporation=CORPB").statusCode()).isEqualTo(403);
    assertThat(ana.get("/api/plans?corporation=CORPA&complex=CA1").statusCode()).isEqualTo(200);
    assertThat(ana.get("/voorraad?corporation=CORPA").body()).contains("CA1");
  }

  /**
   * Must show 3 of the second trust issue: read from the catalogue, not from a hand-kept list —
   * every table with a {@code corporation_id} column, or with a foreign key to such a table (at any
   * depth), has row-level security on and a policy for the staff role. The few exceptions are named
   * here with their reason.
   */
  @Test
  void everyTableOfACorporationsDataHasRowLevelSecurityAndAPolicy() throws Exception {
    Map<String, String> exceptions =
        Map.of(
            "corporation", "the corporations themselves: names and codes, read by every page",
            "membership", "who is staff of which corporation: read to decide the scope itself",
            "audit_event", "administrators only (their requests are not scoped); staff may add",
            "run_log", "import history: the service lists public runs and the caller's own",
            "import_run", "import bookkeeping, read through the caller's own runs",
            "column_mapping", "mappings: shared ones have no corporation; the service checks");
    java.util.Set<String> owning = new java.util.TreeSet<>();
    java.util.Map<String, java.util.Set<String>> children = new java.util.HashMap<>();
    java.util.Map<String, Boolean[]> security = new java.util.HashMap<>();
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.Statement st = c.createStatement()) {
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'"
                  + " AND column_name = 'corporation_id'")) {
        while (rs.next()) {
          owning.add(rs.getString(1));
        }
      }
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT t.relname, p.relname FROM pg_constraint k JOIN pg_class t ON t.oid ="
                  + " k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON"
                  + " n.oid = t.relnamespace WHERE k.contype = 'f' AND n.nspname = 'public'")) {
        while (rs.next()) {
          children
              .computeIfAbsent(rs.getString(2), x -> new java.util.TreeSet<>())
              .add(rs.getString(1));
        }
      }
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT c.relname, c.relrowsecurity, EXISTS (SELECT 1 FROM pg_policy p WHERE"
                  + " p.polrelid = c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid ="
                  + " c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'")) {
        while (rs.next()) {
          security.put(rs.getString(1), new Boolean[] {rs.getBoolean(2), rs.getBoolean(3)});
        }
      }
    }
    // tables whose rows belong to a corporation's row, however deep
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(owning);
    java.util.Set<String> scoped = new java.util.TreeSet<>(owning);
    while (!todo.isEmpty()) {
      String parent = todo.pop();
      if (exceptions.containsKey(parent) && !parent.equals("corporation")) {
        continue; // the rows under an excepted table follow that table's reason
      }
      for (String child : children.getOrDefault(parent, java.util.Set.of())) {
        if (scoped.add(child)) {
          todo.push(child);
        }
      }
    }
    List<String> open = new ArrayList<>();
    for (String t : scoped) {
      if (exceptions.containsKey(t) || !security.containsKey(t)) {
        continue;
      }
      Boolean[] s = security.get(t);
      if (!s[0] || !s[1]) {
        open.add(t + (s[0] ? " (no policy)" : " (row-level security off)"));
      }
    }
    System.out.printf(
        "[rls] %d tables hold a corporation's rows (directly or through a parent); %d excepted"
            + " with a reason; without row-level security: %s%n",
        scoped.size(), exceptions.size(), open);
    assertThat(open).isEmpty();
  }
}
