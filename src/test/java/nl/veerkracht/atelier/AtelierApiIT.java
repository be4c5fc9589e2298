package nl.veerkracht.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.veerkracht.analysis.AnalysisService;
import nl.veerkracht.cli.CommandLine;
import nl.veerkracht.support.Cli;
import nl.veerkracht.support.Demo;
import nl.veerkracht.support.Http;
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
 * Must show 3 and 4 of the atelier issue through the HTTP API: a participant token opens its own
 * atelier only, participants see no hidden pins and no one's identity, 20 votes sent at the same
 * moment cannot spend more than the budget, a pin sent twice is stored once, a resident atelier
 * shows no address and no unit data, and a hostile pin text stays text in the page and in every
 * export. Also: events arrive over SSE and a reconnecting client catches up from Last-Event-ID.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "veerkracht.db.embedded-database=it_atelier_api")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtelierApiIT {

  static final String SCRIPT = "<script>alert(1)</script>";

  /** A home of corporation ATL in Centrum, Baarn. */
  static final double HOME_LAT = 52.2125;

  static final double HOME_LON = 5.2858;

  @LocalServerPort int port;
  @Autowired CommandLine commandLine;
  @Autowired AnalysisService analysis;
  @Autowired JdbcClient jdbc;
  @Autowired ParticipantData participantData;
  @Autowired AtelierSettings settings;
  Http admin;
  Http anonymous;
  Http bob;

  @BeforeAll
  void baarnWithACorporationAndItsHomes() throws Exception {
    for (String f :
        List.of(
            "geo/gemeenten_2024_wgs84_kwb.geojson.gz",
            "geo/baarn_buurten_2024_wgs84_pdok_full.geojson",
            "cbs/baarn_buurten_timeseries_2016_2025.json",
            "leefbaarometer/lbm3_2024_buurt_nl.csv.gz")) {
      cli("import", Demo.file(f).toString());
    }
    analysis.recompute();
    admin = new Http(port).as("admin", "admin-test-password");
    anonymous = new Http(port);
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"ATL\",\"name\":\"Atelier Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson("/api/corporations", "{\"code\":\"OTH\",\"name\":\"Andere Wonen\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            admin
                .postJson(
                    "/api/admin/users",
                    """
        {"username":"bob","password":"bob-password","memberships":[{"corporation":"OTH","role":"FACILITATOR"}]}""")
                .statusCode())
        .isEqualTo(201);
    bob = new Http(port).as("bob", "bob-password");
    Path units = Files.createTempFile("atl", ".csv");
    StringBuilder csv =
        new StringBuilder(
            "VHE-nummer;Straat;Huisnummer;Postcode;Latitude;Longitude;Complexnummer;Complexnaam\n");
    for (int i = 1; i <= 5; i++) {
      csv.append("A-").append(i).append(";Brinkstraat;").append(i);
      csv.append(";3743AB;").append(HOME_LAT).append(';').append(HOME_LON).append(";K5;Brink\n");
    }
    Files.writeString(units, csv.toString());
    cli("import", "--corporation", "ATL", units.toString());
  }

  void cli(String... args) {
    Cli.run(commandLine, args);
  }

  record Created(long id, String code) {}

  Created atelier(String type, int votes) {
    HttpResponse<String> r =
        admin.postJson(
            "/api/ateliers",
            "{\"name\":\"Test "
                + type
                + "\",\"type\":\""
                + type
                + "\",\"corporation\":\"ATL\",\"areaCodes\":[\"BU03080000\",\"BU03080001\"],"
                + "\"votesPerParticipant\":"
                + votes
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode j = Http.JSON.readTree(r.body());
    return new Created(j.get("id").asLong(), j.get("joinCode").asString());
  }

  Http join(Created a, String name, String group) {
    HttpResponse<String> r =
        anonymous.postJson(
            "/api/ateliers/join",
            "{\"joinCode\":\""
                + a.code().toLowerCase()
                + "\",\"displayName\":\""
                + name
                + "\""
                + (group == null ? "" : ",\"group\":\"" + group + "\"")
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new Http(port).bearer(Http.JSON.readTree(r.body()).get("participantToken").asString());
  }

  void phase(Created a, String phase) {
    HttpResponse<String> r =
        admin.postJson("/api/ateliers/" + a.id() + "/phase", "{\"phase\":\"" + phase + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** A problem area on BU03080000, made by the facilitator; its id. */
  long problemArea(Created a, String name) {
    HttpResponse<String> r =
        admin.postJson(
            "/api/ateliers/" + a.id() + "/problem-areas",
            "{\"name\":\"" + name + "\",\"buurtCodes\":[\"BU03080000\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Http.JSON.readTree(r.body()).get("id").asLong();
  }

  /** Measures on a problem area, made by the facilitator in this order; their ids. */
  List<Long> measures(Created a, long area, String... titles) {
    List<Long> ids = new ArrayList<>();
    for (String title : titles) {
      HttpResponse<String> r =
          admin.postJson(
              "/api/ateliers/" + a.id() + "/measures",
              "{\"problemAreaId\":"
                  + area
                  + ",\"title\":\""
                  + title
                  + "\",\"lever\":\"sociaal_beheer\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      ids.add(Http.JSON.readTree(r.body()).get("id").asLong());
    }
    return ids;
  }

  JsonNode pin(Http who, Created a, double lat, double lon, String text, String clientId) {
    HttpResponse<String> r =
        who.postJson(
            "/api/ateliers/" + a.id() + "/pins",
            "{\"lat\":"
                + lat
                + ",\"lon\":"
                + lon
                + ",\"category\":\"probleem\",\"theme\":\"onv\",\"text\":"
                + Http.JSON.writeValueAsString(text)
                + ",\"clientId\":\""
                + clientId
                + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return Http.JSON.readTree(r.body());
  }

  @Test
  void aTokenOpensItsOwnAtelierOnly() {
    Created a = atelier("gebied", 5);
    Created b = atelier("gebied", 5);
    Http p = join(a, "Petra", "gemeente");
    phase(a, "PINNING");
    phase(b, "PINNING");
    assertThat(p.get("/api/ateliers/" + a.id()).statusCode()).isEqualTo(200);
    assertThat(p.get("/api/ateliers/" + b.id()).statusCode()).isEqualTo(403);
    assertThat(p.get("/api/ateliers/" + b.id() + "/pins").statusCode()).isEqualTo(403);
    assertThat(p.get("/api/ateliers/" + b.id() + "/results").statusCode()).isEqualTo(403);
    assertThat(p.get("/api/ateliers/" + b.id() + "/events").statusCode()).isEqualTo(403);
    assertThat(
            p.postJson(
                    "/api/ateliers/" + b.id() + "/pins",
                    "{\"lat\":52.21,\"lon\":5.28,\"category\":\"probleem\"}")
                .statusCode())
        .isEqualTo(403);
    // facilitating is for staff: a participant cannot change the phase or moderate
    assertThat(
            p.postJson("/api/ateliers/" + a.id() + "/phase", "{\"phase\":\"CLOSED\"}").statusCode())
        .isEqualTo(403);
    // the record is for the corporation's staff
    assertThat(p.get("/api/ateliers/" + a.id() + "/export.xlsx").statusCode()).isEqualTo(403);
    // staff of another corporation, nobody, and a made-up token
    assertThat(bob.get("/api/ateliers/" + a.id()).statusCode()).isEqualTo(403);
    assertThat(anonymous.get("/api/ateliers/" + a.id()).statusCode()).isEqualTo(401);
    assertThat(new Http(port).bearer("made-up").get("/api/ateliers/" + a.id()).statusCode())
        .isEqualTo(401);
    assertThat(anonymous.get("/api/ateliers/" + (b.id() + 1000)).statusCode()).isEqualTo(401);
    // a wrong code says so and creates nobody
    assertThat(anonymous.postJson("/api/ateliers/join", "{\"joinCode\":\"NOPE99\"}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void participantsSeeNoHiddenPinsAndNoIdentities() {
    Created a = atelier("gebied", 5);
    Http alice = join(a, "Alice Achternaam", "politie");
    Http bert = join(a, "Bert Buurman", "zorg");
    phase(a, "PINNING");
    JsonNode kept = pin(alice, a, 52.2140, 5.2870, "Donker pad", "a-1");
    JsonNode hidden = pin(alice, a, 52.2150, 5.2880, "Scheldwoord", "a-2");
    HttpResponse<String> mod =
        admin.postJson(
            "/api/ateliers/" + a.id() + "/pins/" + hidden.get("id").asLong() + "/moderation",
            "{\"action\":\"hide\"}");
    assertThat(mod.statusCode()).as(mod.body()).isEqualTo(200);
    // moderation is in the audit log: who hid which pin
    assertThat(
            jdbc.sql(
                    "SELECT actor FROM audit_event WHERE action = 'atelier.pin.hide' AND target = ?")
                .param("atelier " + a.id() + " pin " + hidden.get("id").asLong())
                .query(String.class)
                .list())
        .containsExactly("admin");
    // a participant cannot moderate
    assertThat(
            bert.postJson(
                    "/api/ateliers/" + a.id() + "/pins/" + kept.get("id").asLong() + "/moderation",
                    "{\"action\":\"hide\"}")
                .statusCode())
        .isEqualTo(403);

    String pins = bert.get("/api/ateliers/" + a.id() + "/pins").body();
    assertThat(pins).contains("Donker pad").doesNotContain("Scheldwoord");
    // a participant knows their own name, nobody else's
    assertThat(alice.get("/api/ateliers/" + a.id()).body()).doesNotContain("Buurman");
    String state = bert.get("/api/ateliers/" + a.id()).body();
    assertThat(state)
        .contains("Donker pad")
        .doesNotContain("Scheldwoord")
        .doesNotContain("Alice")
        .doesNotContain("Achternaam")
        .doesNotContain("\"participants\"")
        .doesNotContain("complexCode\":\"K5");
    assertThat(Http.JSON.readTree(pins).get(0).get("author").isNull()).isTrue();
    // the projector, opened by staff, shows what the room may see
    assertThat(admin.get("/api/ateliers/" + a.id() + "?view=screen").body())
        .doesNotContain("Scheldwoord")
        .doesNotContain("Alice");
    // the facilitator sees both, with who placed them and the nearest complex
    String staff = admin.get("/api/ateliers/" + a.id() + "/pins").body();
    assertThat(staff).contains("Scheldwoord", "Alice Achternaam", "HIDDEN");

    // participants change only their own pins
    long id = kept.get("id").asLong();
    assertThat(
            bert.send("PUT", "/api/ateliers/" + a.id() + "/pins/" + id, "{\"text\":\"van Bert\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(bert.delete("/api/ateliers/" + a.id() + "/pins/" + id).statusCode()).isEqualTo(403);
    assertThat(
            alice
                .send(
                    "PUT", "/api/ateliers/" + a.id() + "/pins/" + id, "{\"text\":\"Donker pad!\"}")
                .statusCode())
        .isEqualTo(200);

    // a name erased on request leaves the pins, anonymous
    long aliceId =
        Http.JSON
            .readTree(alice.get("/api/ateliers/" + a.id()).body())
            .get("me")
            .get("participantId")
            .asLong();
    assertThat(
            admin
                .delete("/api/ateliers/" + a.id() + "/participants/" + aliceId + "/name")
                .statusCode())
        .isEqualTo(204);
    assertThat(admin.get("/api/ateliers/" + a.id() + "/pins").body())
        .doesNotContain("Alice")
        .contains("Donker pad!");
  }

  @Test
  void twentyVotesAtTheSameMomentCannotSpendMoreThanTheBudget() throws Exception {
    Created a = atelier("gebied", 5);
    Http p = join(a, "Snelle Stemmer", null);
    long area =
        Http.JSON
            .readTree(
                admin
                    .postJson(
                        "/api/ateliers/" + a.id() + "/problem-areas",
                        "{\"name\":\"Stationsgebied\",\"buurtCodes\":[\"BU03080000\"]}")
                    .body())
            .get("id")
            .asLong();
    List<Long> measures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r =
          admin.postJson(
              "/api/ateliers/" + a.id() + "/measures",
              "{\"problemAreaId\":"
                  + area
                  + ",\"title\":\"Maatregel "
                  + i
                  + "\",\"lever\":\"sociaal_beheer\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      measures.add(Http.JSON.readTree(r.body()).get("id").asLong());
    }
    // not before the prioritising phase
    assertThat(
            p.postJson(
                    "/api/ateliers/" + a.id() + "/votes",
                    "{\"targetId\":" + measures.get(0) + ",\"count\":1}")
                .statusCode())
        .isEqualTo(409);
    phase(a, "PRIORITISING");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (long m : measures) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return p.postJson(
                        "/api/ateliers/" + a.id() + "/votes",
                        "{\"targetId\":" + m + ",\"count\":1}")
                    .statusCode();
              }));
    }
    start.countDown();
    int ok = 0;
    int refused = 0;
    for (Future<Integer> f : answers) {
      int status = f.get(30, TimeUnit.SECONDS);
      if (status == 200) {
        ok++;
      } else if (status == 409) {
        refused++;
      }
    }
    pool.shutdown();
    assertThat(ok).isEqualTo(5);
    assertThat(refused).isEqualTo(15);
    assertThat(
            jdbc.sql("SELECT sum(votes) FROM atelier_vote WHERE atelier_id = ?")
                .param(a.id())
                .query(Integer.class)
                .single())
        .isEqualTo(5);
    // staff do not vote; the results rank what was spent
    assertThat(
            admin
                .postJson(
                    "/api/ateliers/" + a.id() + "/votes",
                    "{\"targetId\":" + measures.get(0) + ",\"count\":1}")
                .statusCode())
        .isEqualTo(403);
    JsonNode results = admin.getJson("/api/ateliers/" + a.id() + "/results");
    int total = 0;
    for (JsonNode m : results.get("problemAreas").get(0).get("measures")) {
      total += m.get("votes").asInt();
    }
    assertThat(total).isEqualTo(5);
  }

  /**
   * Finding 2 of the second trust review: a count of 2,147,483,647 overflowed the budget check into
   * a negative "remaining", ranked its measure first and made the next vote answer 500; 1.5 was
   * taken as 1.
   */
  @Test
  void aHugeNegativeOrFractionalVoteCountIsRefusedAndTotalsStayWithinTheBudget() throws Exception {
    Created a = atelier("gebied", 5);
    Http p = join(a, "Overloper", null);
    Http q = join(a, "Tweede Overloper", null);
    List<Long> measures = measures(a, problemArea(a, "Overloop"), "Maatregel 0", "Maatregel 1");
    phase(a, "PRIORITISING");
    String votes = "/api/ateliers/" + a.id() + "/votes";
    assertThat(p.postJson(votes, "{\"targetId\":" + measures.get(0) + ",\"count\":1}").statusCode())
        .isEqualTo(200);
    for (Http who : List.of(p, q)) {
      for (String count :
          List.of("2147483647", "2147483648", "-1", "1.5", "1e9", "\"drie\"", "6")) {
        HttpResponse<String> r =
            who.postJson(votes, "{\"targetId\":" + measures.get(1) + ",\"count\":" + count + "}");
        assertThat(r.statusCode()).as(count + ": " + r.body()).isIn(400, 409);
      }
    }
    HttpResponse<String> next =
        q.postJson(votes, "{\"targetId\":" + measures.get(1) + ",\"count\":2}");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    assertThat(Http.JSON.readTree(next.body()).get("remaining").asInt()).isEqualTo(3);
    JsonNode ranked = admin.getJson("/api/ateliers/" + a.id() + "/results");
    int total = 0;
    for (JsonNode m : ranked.get("problemAreas").get(0).get("measures")) {
      assertThat(m.get("votes").asInt()).isBetween(0, 5);
      total += m.get("votes").asInt();
    }
    assertThat(total).isEqualTo(3);
  }

  /**
   * The atelier in the room: votes and a card's answers are blind rounds. Phones and the projector
   * see no tally until the facilitator reveals it; a phone's ballot keeps the order the measures
   * were made whatever the votes; after the reveal, results per group, groups under five people
   * merged into "overige" (and left out while those are fewer than five together).
   */
  @Test
  void votesAndAnswersStayHiddenFromTheRoomUntilRevealedAndThePhonesBallotHoldsStill()
      throws Exception {
    Created a = atelier("gebied", 5);
    List<Http> people = new ArrayList<>();
    String[] groups = {
      "gemeente",
      "gemeente",
      "gemeente",
      "gemeente",
      "gemeente",
      "politie",
      "politie",
      "zorg",
      "zorg",
      "bewoner",
      "anders"
    };
    for (int i = 0; i < groups.length; i++) {
      people.add(join(a, "Deelnemer " + i, groups[i]));
    }
    List<Long> measures = measures(a, problemArea(a, "Blind"), "Eerst gemaakt", "Tweede", "Derde");
    String card =
        Http.JSON
            .readTree(admin.get("/api/ateliers/" + a.id()).body())
            .get("cards")
            .get(0)
            .get("id")
            .asString();
    phase(a, "READING");
    for (Http who : people) {
      HttpResponse<String> r =
          who.postJson(
              "/api/ateliers/" + a.id() + "/answers",
              "{\"card\":\"" + card + "\",\"answer\":\"herkenbaar\"}");
      assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    }
    JsonNode phoneCard = answerOf(people.get(1).getJson("/api/ateliers/" + a.id()), card);
    assertThat(phoneCard.get("revealed").asBoolean()).isFalse();
    assertThat(phoneCard.get("counts").isNull())
        .as("no tally on a phone before the reveal")
        .isTrue();
    assertThat(phoneCard.get("mine").asString()).isEqualTo("RECOGNISED");
    JsonNode screenCard = answerOf(admin.getJson("/api/ateliers/" + a.id() + "?view=screen"), card);
    assertThat(screenCard.get("counts").isNull()).as("nor on the projector").isTrue();
    JsonNode consoleCard = answerOf(admin.getJson("/api/ateliers/" + a.id()), card);
    assertThat(consoleCard.get("counts").get("RECOGNISED").asInt()).isEqualTo(11);

    phase(a, "PRIORITISING");
    // everyone puts all votes on the measure made last: it ranks first
    for (Http who : people) {
      assertThat(
              who.postJson(
                      "/api/ateliers/" + a.id() + "/votes",
                      "{\"targetId\":" + measures.get(2) + ",\"count\":3}")
                  .statusCode())
          .isEqualTo(200);
    }
    people
        .get(0)
        .postJson(
            "/api/ateliers/" + a.id() + "/votes",
            "{\"targetId\":" + measures.get(1) + ",\"count\":2}");
    JsonNode ballot = measuresOf(people.get(0).getJson("/api/ateliers/" + a.id()));
    assertThat(ids(ballot)).as("the phone's ballot in the order made").isEqualTo(measures);
    for (JsonNode m : ballot) {
      assertThat(m.get("votes").isNull()).as("no totals before the reveal").isTrue();
      assertThat(m.get("rank").isNull()).isTrue();
    }
    assertThat(ballot.get(2).get("mine").asInt()).isEqualTo(3);
    assertThat(
            measuresOf(admin.getJson("/api/ateliers/" + a.id() + "?view=screen"))
                .get(0)
                .get("votes")
                .isNull())
        .isTrue();
    assertThat(measuresOf(admin.getJson("/api/ateliers/" + a.id())).get(0).get("votes").asInt())
        .as("the console ranks by votes")
        .isEqualTo(33);

    // only a facilitator reveals; a participant or a wrong round is refused
    String reveal = "/api/ateliers/" + a.id() + "/reveal";
    assertThat(
            people.get(0).postJson(reveal, "{\"round\":\"votes\",\"revealed\":true}").statusCode())
        .isEqualTo(403);
    assertThat(admin.postJson(reveal, "{\"round\":\"stemmen\",\"revealed\":true}").statusCode())
        .isEqualTo(400);
    assertThat(admin.postJson(reveal, "{\"round\":\"votes\",\"revealed\":true}").statusCode())
        .isEqualTo(200);
    assertThat(
            admin
                .postJson(reveal, "{\"round\":\"card:" + card + "\",\"revealed\":true}")
                .statusCode())
        .isEqualTo(200);

    JsonNode after = measuresOf(people.get(0).getJson("/api/ateliers/" + a.id()));
    assertThat(ids(after)).as("still the order made, after the reveal too").isEqualTo(measures);
    assertThat(after.get(2).get("votes").asInt()).isEqualTo(33);
    assertThat(after.get(2).get("rank").asInt()).isEqualTo(1);
    JsonNode groupsShown = after.get(2).get("byGroup");
    assertThat(groupsShown.get("gemeente").asInt()).isEqualTo(15);
    assertThat(groupsShown.get("overige").asInt())
        .as("politie 2, zorg 2, bewoner 1, anders 1 together")
        .isEqualTo(18);
    assertThat(groupsShown.has("politie")).isFalse();
    assertThat(groupsShown.has("zorg")).isFalse();
    JsonNode revealedCard = answerOf(people.get(1).getJson("/api/ateliers/" + a.id()), card);
    assertThat(revealedCard.get("counts").get("RECOGNISED").asInt()).isEqualTo(11);
    assertThat(revealedCard.get("byGroup").has("overige")).isTrue();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'atelier.round.revealed'")
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  /**
   * Must show 3 of the house issue: an API error for a phone in the reader's language, here a pin
   * outside the pinning phase, asked in Dutch and in English; without Accept-Language (a script)
   * the API answers in English as it always did.
   */
  @Test
  void aRefusalOnAPhoneIsInThePhonesLanguage() {
    Created a = atelier("gebied", 3);
    Http p = join(a, "Taal", null);
    String pin =
        "{\"lat\":52.2125,\"lon\":5.2858,\"category\":\"probleem\",\"theme\":\"onv\",\"text\":\"x\"}";
    java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
    for (String lang : new String[] {"nl-NL,nl;q=0.9", "en-GB,en;q=0.9", null}) {
      HttpResponse<String> r =
          p.send(
              "POST",
              "/api/ateliers/" + a.id() + "/pins",
              pin,
              lang == null ? java.util.Map.of() : java.util.Map.of("Accept-Language", lang));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
      answers.put(String.valueOf(lang), Http.JSON.readTree(r.body()).get("message").asString());
    }
    System.out.printf("[messages] a pin outside the pinning phase: %s%n", answers);
    assertThat(answers.get("nl-NL,nl;q=0.9"))
        .isEqualTo("Spelden prikken kan alleen in de fase 'spelden prikken'.");
    assertThat(answers.get("en-GB,en;q=0.9"))
        .isEqualTo("Pins can be placed in the pinning phase only.");
    assertThat(answers.get("null")).isEqualTo("Pins can be placed in the pinning phase only.");
  }

  /**
   * Finding 8 of the second trust review: 300 wrong codes met no limit and 100 joins from one
   * address made 100 participants. Now, counted in the database: after ten wrong codes in a minute
   * an address gets 429 (in its language) even for a right code, until the minute is over; an
   * atelier takes at most its number of participants (409).
   */
  @Test
  void wrongCodesAreThrottledPerAddressAndAnAtelierFillsUp() throws Exception {
    Created a = atelier("gebied", 3);
    jdbc.sql("DELETE FROM atelier_join_attempt").update(); // what other tests sent this minute
    try {
      for (int i = 0; i < 10; i++) {
        assertThat(
                anonymous
                    .postJson("/api/ateliers/join", "{\"joinCode\":\"ZZZZ" + i + "Z\"}")
                    .statusCode())
            .isEqualTo(404);
      }
      HttpResponse<String> eleventh =
          anonymous.send(
              "POST",
              "/api/ateliers/join",
              "{\"joinCode\":\"ZZZZZZ\"}",
              java.util.Map.of("Accept-Language", "nl-NL"));
      assertThat(eleventh.statusCode()).isEqualTo(429);
      assertThat(eleventh.body()).contains("Te veel verkeerde codes");
      assertThat(
              anonymous
                  .postJson("/api/ateliers/join", "{\"joinCode\":\"" + a.code() + "\"}")
                  .statusCode())
          .as("a right code from the same address waits out the minute too")
          .isEqualTo(429);
    } finally {
      jdbc.sql("DELETE FROM atelier_join_attempt").update(); // the minute, passed
    }
    int most = settings.maxParticipants();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> joins = new ArrayList<>();
    for (int i = 0; i < most + 5; i++) {
      joins.add(
          pool.submit(
              () ->
                  anonymous
                      .postJson("/api/ateliers/join", "{\"joinCode\":\"" + a.code() + "\"}")
                      .statusCode()));
    }
    int ok = 0;
    int full = 0;
    for (Future<Integer> f : joins) {
      int status = f.get(60, TimeUnit.SECONDS);
      ok += status == 200 ? 1 : 0;
      full += status == 409 ? 1 : 0;
    }
    pool.shutdown();
    jdbc.sql("DELETE FROM atelier_join_attempt").update();
    System.out.printf(
        "[join] 10 wrong codes then 429; %d joins at once to an atelier of at most %d: %d in, %d"
            + " refused as full%n",
        most + 5, most, ok, full);
    assertThat(ok).isEqualTo(most);
    assertThat(full).isEqualTo(5);
  }

  static JsonNode answerOf(JsonNode state, String card) {
    for (JsonNode x : state.get("answers")) {
      if (x.get("card").asString().equals(card)) {
        return x;
      }
    }
    throw new AssertionError("no answers for " + card);
  }

  static JsonNode measuresOf(JsonNode state) {
    return state.get("problemAreas").get(0).get("measures");
  }

  static List<Long> ids(JsonNode measures) {
    List<Long> out = new ArrayList<>();
    measures.forEach(m -> out.add(m.get("id").asLong()));
    return out;
  }

  @Test
  void aPinSentTwiceIsStoredOnce() throws Exception {
    Created a = atelier("gebied", 5);
    Http p = join(a, "Herhaler", null);
    phase(a, "PINNING");
    List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sends.add(
          CompletableFuture.supplyAsync(
              () ->
                  p.postJson(
                      "/api/ateliers/" + a.id() + "/pins",
                      "{\"lat\":52.214,\"lon\":5.287,\"category\":\"kans\",\"text\":\"Speeltuin\","
                          + "\"clientId\":\"phone-42\"}")));
    }
    for (CompletableFuture<HttpResponse<String>> s : sends) {
      assertThat(s.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    }
    assertThat(Http.JSON.readTree(p.get("/api/ateliers/" + a.id() + "/pins").body()).size())
        .isEqualTo(1);
    // bad input: a clear message, nothing stored
    HttpResponse<String> far =
        p.postJson(
            "/api/ateliers/" + a.id() + "/pins",
            "{\"lat\":48.85,\"lon\":2.35,\"category\":\"kans\"}");
    assertThat(far.statusCode()).isEqualTo(400);
    assertThat(far.body()).contains("not in the Netherlands");
    HttpResponse<String> longText =
        p.postJson(
            "/api/ateliers/" + a.id() + "/pins",
            "{\"lat\":52.214,\"lon\":5.287,\"category\":\"kans\",\"text\":\""
                + "x".repeat(501)
                + "\"}");
    assertThat(longText.statusCode()).isEqualTo(400);
    HttpResponse<String> category =
        p.postJson(
            "/api/ateliers/" + a.id() + "/pins",
            "{\"lat\":52.214,\"lon\":5.287,\"category\":\"drop table\"}");
    assertThat(category.statusCode()).isEqualTo(400);
    assertThat(Http.JSON.readTree(p.get("/api/ateliers/" + a.id() + "/pins").body()).size())
        .isEqualTo(1);
  }

  @Test
  void aResidentAtelierShowsNoAddressNoUnitDataAndPinsAtAHomeOnlyCounted() throws Exception {
    Created a = atelier("bewoners", 3);
    Http anna = join(a, "Anna", "bewoner");
    Http ben = join(a, "Ben", "bewoner");
    phase(a, "PINNING");
    JsonNode atHome = pin(anna, a, HOME_LAT, HOME_LON + 0.0001, "Lekkage bij nummer 3", "h-1");
    assertThat(atHome.get("buurtCode").asString()).isEqualTo("BU03080000");
    assertThat(atHome.has("complexCode") && !atHome.get("complexCode").isNull()).isFalse();
    pin(anna, a, 52.2175, 5.2790, "Te hard rijden", "h-2");
    assertThat(
            jdbc.sql("SELECT count(*) FROM atelier_pin WHERE atelier_id = ? AND near_home")
                .param(a.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    JsonNode state = Http.JSON.readTree(ben.get("/api/ateliers/" + a.id()).body());
    String text = state.toString();
    assertThat(text)
        .contains("Te hard rijden")
        .doesNotContain("Lekkage")
        .doesNotContain("Brinkstraat")
        .doesNotContain("3743")
        .doesNotContain("K5")
        .doesNotContain("Anna");
    assertThat(state.get("nearHome").get(0).get("buurtCode").asString()).isEqualTo("BU03080000");
    assertThat(state.get("nearHome").get(0).get("count").asInt()).isEqualTo(1);
    String pins = ben.get("/api/ateliers/" + a.id() + "/pins").body();
    assertThat(pins).doesNotContain("Lekkage").doesNotContain(String.valueOf(HOME_LAT));
    // the author still sees their own pin
    assertThat(anna.get("/api/ateliers/" + a.id() + "/pins").body()).contains("Lekkage");

    // exports: no address, no position of the pin at a home, no unit data
    String geojson =
        new String(
            admin.getBytes("/api/ateliers/" + a.id() + "/export.geojson").body(),
            StandardCharsets.UTF_8);
    assertThat(geojson)
        .doesNotContain("Brinkstraat")
        .doesNotContain("3743")
        .doesNotContain("K5")
        .doesNotContain(String.valueOf(HOME_LON + 0.0001).substring(0, 6) + "1");
    JsonNode fc = Http.JSON.readTree(geojson);
    for (JsonNode f : fc.get("features")) {
      if (f.get("properties").get("text").asString().startsWith("Lekkage")) {
        assertThat(f.get("geometry").isNull()).isTrue();
      }
    }
    String xlsx = xlsxText(admin.getBytes("/api/ateliers/" + a.id() + "/export.xlsx").body());
    assertThat(xlsx)
        .doesNotContain("Brinkstraat")
        .doesNotContain("3743")
        .doesNotContain("K5")
        .doesNotContain("52.2125");
    String pdf = pdfText(admin.getBytes("/api/ateliers/" + a.id() + "/export.pdf").body());
    assertThat(pdf).doesNotContain("Brinkstraat").doesNotContain("3743").doesNotContain("K5");
    // the page the room sees
    String results = admin.get("/ateliers/" + a.id() + "/resultaten").body();
    assertThat(results).doesNotContain("Brinkstraat").doesNotContain("3743");
  }

  @Test
  void theMapColoursTheBuurtenByTheLayersTheFacilitatorChose() throws Exception {
    HttpResponse<String> r =
        admin.postJson(
            "/api/ateliers",
            "{\"name\":\"Lagen\",\"type\":\"gebied\",\"corporation\":\"ATL\","
                + "\"areaCodes\":[\"BU03080000\",\"BU03080001\"],"
                + "\"layers\":[\"lbm_class\",\"attention_area\"],\"cards\":[\"lbm_class\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = Http.JSON.readTree(r.body()).get("id").asLong();
    JsonNode map = Http.JSON.readTree(admin.get("/api/ateliers/" + id + "/map.geojson").body());
    assertThat(map.get("layers").findValuesAsString("id"))
        .containsExactly("lbm_class", "attention_area");
    double stored =
        jdbc.sql(
                "SELECT value FROM figure WHERE indicator_id = 'lbm_class' AND area_code ="
                    + " 'BU03080000' ORDER BY year DESC LIMIT 1")
            .query(Double.class)
            .single();
    JsonNode first = null;
    for (JsonNode f : map.get("features")) {
      if (f.get("properties").get("code").asString().equals("BU03080000")) {
        first = f.get("properties").get("layers");
      }
      assertThat(f.get("properties").get("layers").has("veerkracht_signal")).isFalse();
    }
    assertThat(first).isNotNull();
    assertThat(first.get("lbm_class").get("value").asDouble()).isEqualTo(stored);
    assertThat(first.get("lbm_class").get("label").asString()).isNotBlank();
    // only the chosen card is read together
    JsonNode state = Http.JSON.readTree(admin.get("/api/ateliers/" + id).body());
    assertThat(state.toString()).doesNotContain("\"veerkracht_signal\"");

    HttpResponse<String> bad =
        admin.postJson(
            "/api/ateliers",
            "{\"name\":\"Lagen\",\"type\":\"gebied\",\"corporation\":\"ATL\","
                + "\"areaCodes\":[\"BU03080000\"],\"layers\":[\"<b>huur</b>\"]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("lbm_class");
  }

  @Test
  void aProblemAreaDrawnOnTheMapHoldsThePinsInsideIt() throws Exception {
    Created a = atelier("gebied", 5);
    Http anna = join(a, "Anna", null);
    phase(a, "PINNING");
    long inside = pin(anna, a, 52.2140, 5.2870, "Donker pad", "in-1").get("id").asLong();
    long outside = pin(anna, a, 52.2300, 5.3100, "Elders", "out-1").get("id").asLong();
    String square = "[[5.2860,52.2130],[5.2880,52.2130],[5.2880,52.2150],[5.2860,52.2150]]";
    HttpResponse<String> r =
        admin.postJson(
            "/api/ateliers/" + a.id() + "/problem-areas",
            "{\"name\":\"Rond het pad\",\"outline\":" + square + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode area =
        Http.JSON.readTree(admin.get("/api/ateliers/" + a.id()).body()).get("problemAreas").get(0);
    assertThat(area.get("pinIds").toString()).contains(String.valueOf(inside));
    assertThat(area.get("pinIds").toString()).doesNotContain(String.valueOf(outside));
    assertThat(area.get("outline").size()).isEqualTo(5); // closed ring
    String geojson =
        new String(
            admin.getBytes("/api/ateliers/" + a.id() + "/export.geojson").body(),
            StandardCharsets.UTF_8);
    assertThat(geojson).contains("\"Polygon\"").contains("Rond het pad");
    // a ring that crosses itself, or lies outside the Netherlands, is refused and nothing is made
    for (String bad :
        List.of(
            "[[5.2860,52.2130],[5.2880,52.2150],[5.2880,52.2130],[5.2860,52.2150]]",
            "[[0.1,40.0],[0.2,40.0],[0.2,40.1]]",
            "[[5.2860,52.2130],[5.2880,52.2130]]")) {
      HttpResponse<String> refused =
          admin.postJson(
              "/api/ateliers/" + a.id() + "/problem-areas",
              "{\"name\":\"Fout\",\"outline\":" + bad + "}");
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(
            Http.JSON
                .readTree(admin.get("/api/ateliers/" + a.id()).body())
                .get("problemAreas")
                .size())
        .isEqualTo(1);
  }

  @Test
  void aParticipantTakesAlongWhatIsHeldAboutThemAndAClosedAtelierForgetsNames() throws Exception {
    Created a = atelier("gebied", 3);
    Http anna = join(a, "Anna Export", "gemeente");
    Http ben = join(a, "Ben Ander", null);
    phase(a, "PINNING");
    pin(anna, a, 52.2140, 5.2870, "Mijn speld", "ex-1");
    pin(ben, a, 52.2141, 5.2871, "Niet de mijne", "ex-2");
    HttpResponse<String> mine = anna.get("/api/ateliers/" + a.id() + "/me");
    assertThat(mine.statusCode()).isEqualTo(200);
    JsonNode me = Http.JSON.readTree(mine.body());
    assertThat(me.get("participant").get("displayName").asString()).isEqualTo("Anna Export");
    assertThat(me.toString()).contains("Mijn speld").doesNotContain("Niet de mijne", "Ben Ander");
    assertThat(admin.get("/api/ateliers/" + a.id() + "/me").statusCode()).isEqualTo(403);

    // closed longer ago than the retention: no names, no working tokens, the record stays
    phase(a, "CLOSED");
    jdbc.sql("UPDATE atelier SET closed_at = now() - interval '400 days' WHERE id = ?")
        .param(a.id())
        .update();
    assertThat(participantData.applyRetention()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM atelier_participant WHERE atelier_id = ? AND display_name"
                        + " IS NOT NULL")
                .param(a.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(anna.get("/api/ateliers/" + a.id()).statusCode()).isEqualTo(401);
    assertThat(
            jdbc.sql("SELECT count(*) FROM atelier_pin WHERE atelier_id = ?")
                .param(a.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(
            new String(
                admin.getBytes("/api/ateliers/" + a.id() + "/export.geojson").body(),
                StandardCharsets.UTF_8))
        .contains("Mijn speld");
  }

  @Test
  void thePrintableInvitationCarriesTheCodeLinkAndQrCode() {
    Created a = atelier("bewoners", 3);
    String page = admin.get("/ateliers/" + a.id() + "/uitnodiging").body();
    assertThat(page)
        .contains(a.code())
        .contains("/doe-mee?code=" + a.code())
        .contains("/api/ateliers/" + a.id() + "/qr.svg");
    HttpResponse<String> qr = admin.get("/api/ateliers/" + a.id() + "/qr.svg");
    assertThat(qr.body()).contains("<svg").doesNotContain("<script");
    assertThat(bob.get("/ateliers/" + a.id() + "/uitnodiging").statusCode()).isEqualTo(403);
  }

  /**
   * The privacy guard (issue 26): a pin with a street and house number and a remark with an e-mail
   * address are masked on other phones, on the projector and in exports; the author sees their own
   * text and the facilitator the whole text, marked; approving releases it, an edit masks it again.
   */
  @Test
  void anAddressInAPinOrRemarkIsMaskedForTheRoomUntilTheFacilitatorApprovesIt() throws Exception {
    Created a = atelier("gebied", 5);
    Http anna = join(a, "Anna", null);
    Http bert = join(a, "Bert", null);
    String state = "/api/ateliers/" + a.id();
    phase(a, "READING");
    assertThat(
            anna.postJson(
                    state + "/answers",
                    "{\"card\":\"lbm_class\",\"answer\":\"niet_herkenbaar\",\"remark\":"
                        + "\"Klopt niet, mail me op anna.devries@example.nl\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            admin
                .postJson(state + "/reveal", "{\"round\":\"card:lbm_class\",\"revealed\":true}")
                .statusCode())
        .isEqualTo(200);
    phase(a, "PINNING");
    String text = "Bij Eemnesserweg 23 staat al weken een kapotte auto";
    long pinId = pin(anna, a, 52.2140, 5.2870, text, "pg-1").get("id").asLong();
    String masked = "Bij ••• staat al weken een kapotte auto";

    JsonNode other = bert.getJson(state);
    assertThat(pinText(other, pinId)).as("another phone").isEqualTo(masked);
    assertThat(pinOf(other, pinId).get("masked").asBoolean()).isTrue();
    assertThat(remarks(other)).containsExactly("Klopt niet, mail me op •••");
    assertThat(pinText(admin.getJson(state + "?view=screen"), pinId))
        .as("the projector")
        .isEqualTo(masked);
    JsonNode own = anna.getJson(state);
    assertThat(pinText(own, pinId)).as("the author sees their own text").isEqualTo(text);
    assertThat(answerOf(own).get("myRemark").asString()).contains("anna.devries@example.nl");
    JsonNode console = admin.getJson(state);
    assertThat(pinText(console, pinId)).as("the facilitator sees it whole").isEqualTo(text);
    assertThat(pinOf(console, pinId).get("masked").asBoolean()).as("and marked").isTrue();
    JsonNode review = answerOf(console).get("review").get(0);
    assertThat(review.get("masked").asBoolean()).isTrue();
    assertThat(review.get("text").asString()).contains("anna.devries@example.nl");

    String xlsx = xlsxText(admin.getBytes(state + "/export.xlsx").body());
    assertThat(xlsx)
        .contains(masked)
        .doesNotContain("Eemnesserweg 23")
        .doesNotContain("example.nl");
    JsonNode geo = Http.JSON.readTree(admin.getBytes(state + "/export.geojson").body());
    assertThat(geo.get("features").get(0).get("properties").get("text").asString())
        .isEqualTo(masked);
    String pdf = pdfText(admin.getBytes(state + "/export.pdf").body());
    assertThat(pdf).doesNotContain("Eemnesserweg 23").doesNotContain("example.nl");

    // only the facilitator approves; then the room sees the text as it stands
    assertThat(
            bert.postJson(state + "/pins/" + pinId + "/moderation", "{\"action\":\"approveText\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            admin
                .postJson(state + "/pins/" + pinId + "/moderation", "{\"action\":\"approveText\"}")
                .statusCode())
        .isEqualTo(200);
    long annaId = own.get("me").get("participantId").asLong();
    String approval = "{\"participantId\":" + annaId + ",\"card\":\"lbm_class\"}";
    assertThat(bert.postJson(state + "/answers/approval", approval).statusCode()).isEqualTo(403);
    assertThat(admin.postJson(state + "/answers/approval", approval).statusCode()).isEqualTo(200);
    assertThat(
            admin
                .postJson(
                    state + "/answers/approval",
                    "{\"participantId\":" + annaId + ",\"card\":\"signal\"}")
                .statusCode())
        .as("no such answer")
        .isEqualTo(404);
    other = bert.getJson(state);
    assertThat(pinText(other, pinId)).isEqualTo(text);
    assertThat(pinOf(other, pinId).get("masked").asBoolean()).isFalse();
    assertThat(remarks(other)).containsExactly("Klopt niet, mail me op anna.devries@example.nl");

    // an edit withdraws the approval
    assertThat(
            anna.send("PUT", state + "/pins/" + pinId, "{\"text\":\"Bij Eemnesserweg 25 ook\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(pinText(bert.getJson(state), pinId)).isEqualTo("Bij ••• ook");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action IN ('atelier.pin.approveText',"
                        + " 'atelier.remark.approve') AND target LIKE ?")
                .param("atelier " + a.id() + " %")
                .query(Integer.class)
                .single())
        .as("both approvals audited")
        .isEqualTo(2);
  }

  static JsonNode pinOf(JsonNode state, long pinId) {
    for (JsonNode p : state.get("pins")) {
      if (p.get("id").asLong() == pinId) {
        return p;
      }
    }
    throw new AssertionError("no pin " + pinId + " in " + state.get("pins"));
  }

  static String pinText(JsonNode state, long pinId) {
    return pinOf(state, pinId).get("text").asString();
  }

  static JsonNode answerOf(JsonNode state) {
    for (JsonNode c : state.get("answers")) {
      if ("lbm_class".equals(c.get("card").asString())) {
        return c;
      }
    }
    throw new AssertionError("no lbm_class answers");
  }

  static List<String> remarks(JsonNode state) {
    List<String> out = new ArrayList<>();
    answerOf(state).get("remarks").forEach(r -> out.add(r.asString()));
    return out;
  }

  /**
   * The record (must show 6 of the room issue): the PDF draws the problem area's outline and
   * numbers the pins 1..n as in its pin list, no two pieces of text overlap, no table row is split
   * over two pages; the XLSX has its sheet names and headers in the reader's language, labels
   * instead of codes, names next to codes, and the file is named after the atelier and its date.
   */
  @Test
  void theRecordNumbersThePinsDrawsTheOutlineAndKeepsEveryRowWhole() throws Exception {
    HttpResponse<String> made =
        admin.postJson(
            "/api/ateliers",
            "{\"name\":\"Record-proef Één\",\"type\":\"gebied\",\"corporation\":\"ATL\","
                + "\"areaCodes\":[\"BU03080000\",\"BU03080001\"],\"heldOn\":\"2027-01-20\"}");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode j = Http.JSON.readTree(made.body());
    Created a = new Created(j.get("id").asLong(), j.get("joinCode").asString());
    List<Http> people = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      people.add(join(a, "Deelnemer " + k, "bewoner"));
    }
    phase(a, "READING");
    for (Http who : people) {
      assertThat(
              who.postJson(
                      "/api/ateliers/" + a.id() + "/answers",
                      "{\"card\":\"lbm_class\",\"answer\":\"herkenbaar\"}")
                  .statusCode())
          .isEqualTo(200);
    }
    phase(a, "PINNING");
    int n = 36;
    List<String> texts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String text =
          String.format(
              "Speld %02d: de stoep bij de school is te smal, fietsers rijden over het trottoir en"
                  + " ouders parkeren dubbel; 's avonds is het er donker en onoverzichtelijk.",
              i);
      texts.add(text);
      // many pins close together: their numbers must still not cover each other
      double lat = 52.2135 + (i % 6) * 0.0002;
      double lon = 5.2865 + (i / 6) * 0.0002;
      pin(people.get(i % people.size()), a, lat, lon, text, "rec-" + i);
    }
    HttpResponse<String> area =
        admin.postJson(
            "/api/ateliers/" + a.id() + "/problem-areas",
            "{\"name\":\"Schoolomgeving\",\"outline\":[[5.2860,52.2130],[5.2885,52.2130],"
                + "[5.2885,52.2150],[5.2860,52.2150]]}");
    assertThat(area.statusCode()).as(area.body()).isEqualTo(201);

    HttpResponse<byte[]> pdf = admin.getBytes("/api/ateliers/" + a.id() + "/export.pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
        .contains("record-proef-een_2027-01-20.pdf");
    nl.veerkracht.support.PdfLayout layout = new nl.veerkracht.support.PdfLayout(pdf.body());
    assertThat(layout.stroked(0x8e, 0x44, 0xad)).as("the problem area's outline is drawn").isTrue();
    List<String> numbers = layout.wordsAtSize(1, 5.2f); // set in 5.5 pt, read back as 5
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      expected.add(Integer.toString(i));
    }
    assertThat(numbers).as("the map's pin numbers").containsExactlyInAnyOrderElementsOf(expected);
    List<String> overlaps = layout.overlaps();
    System.out.printf(
        "[record] PDF: %d pages, %d glyphs, %d overlapping, pins numbered 1..%d on the map%n",
        layout.pages.size(), layout.glyphs.size(), overlaps.size(), n);
    assertThat(overlaps).isEmpty();
    assertThat(layout.pages.size()).as("the pin table runs over pages").isGreaterThan(2);
    List<String> split = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String want = texts.get(i).replaceAll("\\s+", "");
      boolean whole =
          layout.pages.stream().anyMatch(page -> page.replaceAll("\\s+", "").contains(want));
      if (!whole) {
        split.add(texts.get(i).substring(0, 8));
      }
      // the list's number stands before its text
      int at = String.join("", layout.pages).replaceAll("\\s+", "").indexOf(want);
      String before = String.join("", layout.pages).replaceAll("\\s+", "").substring(0, at);
      assertThat(before).as("pin " + (i + 1) + " in the list").contains((i + 1) + "Probleem");
    }
    assertThat(split).as("pin rows split over two pages").isEmpty();

    // the results page: the same numbered map, the pin list, the judged figures per group
    String page = admin.get("/ateliers/" + a.id() + "/resultaten").body();
    assertThat(page).contains("id=\"record-map\"", "class=\"vk-record-area\"", "Schoolomgeving");
    for (int i = 1; i <= n; i++) {
      assertThat(page)
          .contains("class=\"vk-record-pin\" data-number=\"" + i + "\"")
          .contains("<tr data-number=\"" + i + "\">");
    }
    assertThat(page)
        .contains("data-card=\"lbm_class\"", "data-group=\"bewoner\"", "Bewoner: Herkenbaar 6");

    HttpResponse<byte[]> xlsx = admin.getBytes("/api/ateliers/" + a.id() + "/export.xlsx");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
        .contains("record-proef-een_2027-01-20.xlsx");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(
            new java.io.ByteArrayInputStream(xlsx.body()))) {
      var pins = wb.getSheet("Spelden");
      assertThat(pins).as("sheet names in Dutch").isNotNull();
      assertThat(wb.getSheet("Duiding")).isNotNull();
      List<String> head = new ArrayList<>();
      pins.getRow(0).forEach(c -> head.add(c.getStringCellValue()));
      assertThat(head).startsWith("Nummer", "Categorie", "Thema", "Tekst", "Buurt", "Buurtcode");
      var first = pins.getRow(1);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("Probleem");
      assertThat(first.getCell(2).getStringCellValue()).isNotEqualTo("onv");
      assertThat(first.getCell(4).getStringCellValue()).as("the buurt's name").isNotEmpty();
      assertThat(first.getCell(4).getStringCellValue()).doesNotStartWith("BU");
      assertThat(first.getCell(5).getStringCellValue()).startsWith("BU0308");
    }
    byte[] english = admin.getBytes("/api/ateliers/" + a.id() + "/export.xlsx?lang=en").body();
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(english))) {
      var pins = wb.getSheet("Pins");
      assertThat(pins).as("sheet names in English").isNotNull();
      assertThat(pins.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Number");
      assertThat(pins.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Category");
      assertThat(pins.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Problem");
    }
  }

  @Test
  void aHostilePinTextStaysTextInThePagesAndEveryExport() throws Exception {
    Created a = atelier("gebied", 5);
    Http p = join(a, SCRIPT, null);
    phase(a, "READING");
    assertThat(
            p.postJson(
                    "/api/ateliers/" + a.id() + "/answers",
                    "{\"card\":\"lbm_class\",\"answer\":\"niet_herkenbaar\",\"remark\":"
                        + Http.JSON.writeValueAsString(SCRIPT)
                        + "}")
                .statusCode())
        .isEqualTo(200);
    phase(a, "PINNING");
    pin(p, a, 52.2140, 5.2870, SCRIPT, "x-1");
    long area =
        Http.JSON
            .readTree(
                admin
                    .postJson(
                        "/api/ateliers/" + a.id() + "/problem-areas",
                        "{\"name\":" + Http.JSON.writeValueAsString(SCRIPT) + "}")
                    .body())
            .get("id")
            .asLong();
    assertThat(
            admin
                .postJson(
                    "/api/ateliers/" + a.id() + "/measures",
                    "{\"problemAreaId\":"
                        + area
                        + ",\"title\":"
                        + Http.JSON.writeValueAsString(SCRIPT)
                        + ",\"lever\":\"fysiek\"}")
                .statusCode())
        .isEqualTo(201);

    String page = admin.get("/ateliers/" + a.id() + "/resultaten").body();
    assertThat(page).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    String xlsx = xlsxText(admin.getBytes("/api/ateliers/" + a.id() + "/export.xlsx").body());
    assertThat(xlsx).contains(SCRIPT);
    String pdf = pdfText(admin.getBytes("/api/ateliers/" + a.id() + "/export.pdf").body());
    assertThat(pdf.replaceAll("\\s+", "")).contains(SCRIPT.replaceAll("\\s+", ""));
    JsonNode geo =
        Http.JSON.readTree(admin.getBytes("/api/ateliers/" + a.id() + "/export.geojson").body());
    assertThat(geo.get("features").get(0).get("properties").get("text").asString())
        .isEqualTo(SCRIPT);
  }

  @Test
  void eventsArriveLiveAndAReconnectingClientCatchesUp() throws Exception {
    Created a = atelier("gebied", 5);
    Http p = join(a, "Luisteraar", null);
    String token = p.authorization();
    phase(a, "PINNING");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest events =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/ateliers/" + a.id() + "/events"))
            .header("Authorization", token)
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<InputStream> stream =
        client.send(events, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    long sent = System.nanoTime();
    pin(p, a, 52.2140, 5.2870, "live", "live-1");
    String eventId = null;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      String id = null;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        }
        if (line.startsWith("event:") && line.substring(6).trim().equals("pin")) {
          eventId = id;
          break;
        }
      }
    }
    assertThat(eventId).isNotNull();
    assertThat((System.nanoTime() - sent) / 1_000_000)
        .as("ms until the event arrived")
        .isLessThan(5000);

    // a client that was away names the last event it saw and gets what came after
    HttpRequest again =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/ateliers/" + a.id() + "/events"))
            .header("Authorization", token)
            .header("Last-Event-ID", Long.toString(Long.parseLong(eventId) - 1))
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<InputStream> second =
        client.send(again, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(second.body(), StandardCharsets.UTF_8))) {
      String line;
      boolean seen = false;
      while ((line = r.readLine()) != null) {
        if (line.equals("id:" + eventId)) {
          seen = true;
          break;
        }
      }
      assertThat(seen).isTrue();
    }
  }

  @Test
  void eventsAreNumberedAfterTheirWritesCommitAndNoneIsLeftBehind() throws Exception {
    Created a = atelier("gebied", 5);
    List<Http> people = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      people.add(join(a, "Tegelijk " + i, null));
    }
    phase(a, "PINNING");
    long before = lastNumbered(a.id());
    // eight people pin at once: their writes commit side by side, unnumbered
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      int who = i;
      done.add(
          pool.submit(
              () -> {
                for (int k = 0; k < 5; k++) {
                  pin(
                      people.get(who),
                      a,
                      52.2140 + who * 0.0003,
                      5.2870 + k * 0.0003,
                      "tegelijk",
                      "t-" + who + "-" + k);
                }
              }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    // every event gets its number just after its commit, in one run of numbers per atelier
    awaitNumbered(a.id());
    List<Long> ids =
        jdbc.sql(
                "SELECT id FROM atelier_event WHERE atelier_id = ? AND kind = 'pin' AND id > ?"
                    + " ORDER BY id")
            .params(a.id(), before)
            .query(Long.class)
            .list();
    assertThat(ids).hasSize(40);
    // a screen catching up from before the burst gets all 40 pins, in order
    HttpRequest catchUp =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/ateliers/"
                        + a.id()
                        + "/events?after="
                        + before))
            .header("Authorization", people.get(0).authorization())
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<InputStream> stream =
        HttpClient.newHttpClient().send(catchUp, HttpResponse.BodyHandlers.ofInputStream());
    List<Long> seen = new java.util.ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      long id = 0;
      while (seen.size() < 40 && (line = r.readLine()) != null) {
        if (line.startsWith("id:")) {
          id = Long.parseLong(line.substring(3).trim());
        } else if (line.equals("event:pin")) {
          seen.add(id);
        }
      }
    }
    assertThat(seen).containsExactlyElementsOf(ids);

    // an event a stopped instance committed but never numbered is numbered by another one
    jdbc.sql(
            "INSERT INTO atelier_event_pending (atelier_id, kind, data, at)"
                + " VALUES (?, 'answer', '{\"card\":0}', now() - interval '10 seconds')")
        .param(a.id())
        .update();
    awaitNumbered(a.id());
    assertThat(
            jdbc.sql("SELECT count(*) FROM atelier_event WHERE atelier_id = ? AND kind = 'answer'")
                .param(a.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long lastNumbered(long atelierId) {
    return jdbc.sql("SELECT coalesce(max(id), 0) FROM atelier_event WHERE atelier_id = ?")
        .param(atelierId)
        .query(Long.class)
        .single();
  }

  /** Waits (at most 10 s) until none of the atelier's events waits for its number. */
  private void awaitNumbered(long atelierId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (jdbc.sql("SELECT count(*) FROM atelier_event_pending WHERE atelier_id = ?")
                .param(atelierId)
                .query(Long.class)
                .single()
            > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM atelier_event_pending WHERE atelier_id = ?")
                .param(atelierId)
                .query(Long.class)
                .single())
        .as("events still waiting for their number")
        .isZero();
  }

  @Test
  void aParticipantCookieNeedsTheCsrfToken() throws Exception {
    Created a = atelier("gebied", 5);
    HttpResponse<String> joined =
        anonymous.postJson("/api/ateliers/join", "{\"joinCode\":\"" + a.code() + "\"}");
    String token = Http.JSON.readTree(joined.body()).get("participantToken").asString();
    phase(a, "PINNING");
    HttpRequest forged =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/ateliers/" + a.id() + "/pins"))
            .header("Content-Type", "application/json")
            .header("Cookie", "vk_atelier_" + a.id() + "=" + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"lat\":52.214,\"lon\":5.287,\"category\":\"kans\"}"))
            .build();
    assertThat(
            HttpClient.newHttpClient()
                .send(forged, HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(403);
    // reading with the cookie works (that is what the participant's page does)
    HttpRequest read =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ateliers/" + a.id()))
            .header("Cookie", "vk_atelier_" + a.id() + "=" + token)
            .build();
    assertThat(
            HttpClient.newHttpClient()
                .send(read, HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
  }

  static String xlsxText(byte[] bytes) throws Exception {
    return nl.veerkracht.support.Documents.xlsxText(bytes);
  }

  static String pdfText(byte[] bytes) throws Exception {
    return nl.veerkracht.support.Documents.pdfText(bytes);
  }
}
