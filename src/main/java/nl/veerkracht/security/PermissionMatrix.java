package nl.veerkracht.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who may call what: one entry per endpoint and page (method and path pattern, as the application's
 * mappings spell them) with the access it needs. The README's permission table is rendered from
 * here, and {@code AuthorizationMatrixIT} checks every mapping of the running application against
 * it — an endpoint without an entry fails that test.
 *
 * <p>The checks themselves stay where they are (Spring Security for signed-in and administrator,
 * the services for corporation membership and role); this is the one place that says what they must
 * amount to.
 */
public final class PermissionMatrix {

  /** The access an endpoint needs. */
  public enum Access {
    /** Anyone, signed in or not. */
    PUBLIC("anyone"),
    /** Anyone while public data is open (the default), else anyone signed in. */
    PUBLIC_DATA("anyone (signed in when public data is closed)"),
    /**
     * The OGC API's collections: gemeenten, wijken and buurten as public data; complexen and an
     * atelier's collections for staff of that corporation.
     */
    PUBLIC_DATA_COLLECTIONS(
        "gemeenten, wijken, buurten: anyone (signed in when public data is closed); complexen and"
            + " an atelier's collections: staff of that corporation"),
    /** Any signed-in account, staff or partner: one's own account page. */
    ANY_ACCOUNT("any signed-in account, staff or partner (its own account)"),
    /** Any signed-in staff account (not a partner); answers only what the caller may see. */
    SIGNED_IN("signed in (staff accounts, not partners)"),
    /** Any signed-in staff account; naming a corporation, staff of it. */
    SIGNED_IN_SCOPED("signed in (staff accounts); naming a corporation: staff of it"),
    /** The participant's own token only (what is held about them). */
    PARTICIPANT_SELF("the participant's own token"),
    /** A participant's token or staff of the atelier's corporation; the room checks the rest. */
    PARTICIPANT("atelier participant token, or staff of the atelier's corporation"),
    /** Staff of the atelier's corporation, any role (not a participant). */
    ATELIER_STAFF("staff of the atelier's corporation"),
    /** Staff of the corporation, any role. */
    STAFF("staff of the corporation (any role)"),
    /** Staff who plan: analyst, facilitator, manager (not viewer). */
    PLANNER("analyst, facilitator or manager of the corporation"),
    /** Staff who run ateliers: facilitator or analyst. */
    FACILITATOR("facilitator or analyst of the corporation"),
    /** Staff who load data: analyst (public data: administrator or data steward). */
    ANALYST("analyst of the corporation; public data: administrator or data steward"),
    /** Approves a beheerplan, shares with partners: manager. */
    MANAGER("manager of the corporation"),
    /** A partner account; reads only what a corporation shared with its organisation. */
    PARTNER("partner account; only what was shared with its organisation"),
    /** Staff of the corporation, or a partner account whose organisation is a party. */
    AGREEMENT_READER(
        "staff of the corporation, or a partner account whose organisation is a party to it"),
    /** Public data stewardship: administrator or data steward. */
    DATA_STEWARD("administrator or data steward"),
    /** Administrator only. */
    ADMIN("administrator");

    private final String who;

    Access(String who) {
      this.who = who;
    }

    public String who() {
      return who;
    }
  }

  private static final Map<String, Access> ENTRIES = new LinkedHashMap<>();

  private static void put(String method, String pattern, Access access) {
    ENTRIES.put(method + " " + pattern, access);
  }

  static {
    // public pages and data
    put("GET", "/", Access.PUBLIC_DATA);
    put("GET", "/kaart", Access.PUBLIC_DATA);
    put("GET", "/gebied/{code}", Access.PUBLIC_DATA);
    put("GET", "/gebied/{code}.pdf", Access.PUBLIC_DATA);
    put("GET", "/zoeken", Access.PUBLIC_DATA);
    put("GET", "/methode", Access.PUBLIC_DATA);
    put("GET", "/ogc", Access.PUBLIC_DATA);
    put("GET", "/ogc/conformance", Access.PUBLIC_DATA);
    put("GET", "/ogc/api", Access.PUBLIC_DATA);
    put("GET", "/ogc/collections", Access.PUBLIC_DATA_COLLECTIONS);
    put("GET", "/ogc/collections/{collectionId}", Access.PUBLIC_DATA_COLLECTIONS);
    put("GET", "/ogc/collections/{collectionId}/queryables", Access.PUBLIC_DATA_COLLECTIONS);
    put("GET", "/ogc/collections/{collectionId}/items", Access.PUBLIC_DATA_COLLECTIONS);
    put("GET", "/ogc/collections/{collectionId}/items/{featureId}", Access.PUBLIC_DATA_COLLECTIONS);
    put("GET", "/bronnen", Access.PUBLIC);
    put("GET", "/begrippen", Access.PUBLIC);
    put("GET", "/login", Access.PUBLIC);
    put("ANY", "/error", Access.PUBLIC);
    put("GET", "/api/areas", Access.PUBLIC_DATA);
    put("GET", "/api/areas/{code}", Access.PUBLIC_DATA);
    put("GET", "/api/areas/{code}/series/{indicator}", Access.PUBLIC_DATA);
    put("GET", "/api/areas/{code}/peers", Access.PUBLIC_DATA);
    put("GET", "/api/indicators", Access.PUBLIC_DATA);
    put("GET", "/api/map/{level}.geojson", Access.PUBLIC_DATA);
    put("GET", "/api/map/{level}.csv", Access.PUBLIC_DATA);
    put("GET", "/api/map/{level}.xlsx", Access.PUBLIC_DATA);
    put("GET", "/api/search", Access.PUBLIC_DATA);
    put("GET", "/api/analysis/settings", Access.PUBLIC_DATA);
    put("GET", "/api/openapi.json", Access.PUBLIC);
    put("GET", "/api/openapi.json/swagger-config", Access.PUBLIC);
    put("GET", "/api/openapi.json.yaml", Access.PUBLIC);
    put("GET", "/api/docs", Access.PUBLIC);
    // corporations, users, audit
    put("GET", "/api/corporations", Access.SIGNED_IN);
    put("POST", "/api/tokens", Access.SIGNED_IN);
    put("GET", "/api/tokens", Access.SIGNED_IN);
    put("DELETE", "/api/tokens/{id}", Access.SIGNED_IN);
    put("POST", "/mijn-account/wachtwoord", Access.ANY_ACCOUNT);
    put("GET", "/mijn-account", Access.ANY_ACCOUNT);
    put("POST", "/mijn-account/tokens", Access.ANY_ACCOUNT);
    put("POST", "/mijn-account/tokens/{id}/intrekken", Access.ANY_ACCOUNT);
    put("POST", "/api/corporations", Access.ADMIN);
    put("GET", "/api/admin/users", Access.ADMIN);
    put("POST", "/api/admin/users", Access.ADMIN);
    put("PUT", "/api/admin/users/{username}/enabled", Access.ADMIN);
    put("PUT", "/api/admin/users/{username}/data-steward", Access.ADMIN);
    put("PUT", "/api/admin/users/{username}/memberships/{corporation}", Access.ADMIN);
    put("DELETE", "/api/admin/users/{username}/memberships/{corporation}", Access.ADMIN);
    put("GET", "/api/admin/organisations", Access.ADMIN);
    put("POST", "/api/admin/organisations", Access.ADMIN);
    put("GET", "/api/admin/audit", Access.ADMIN);
    put("GET", "/api/admin/audit.csv", Access.ADMIN);
    put("POST", "/api/admin/analysis/recompute", Access.ADMIN);
    put("GET", "/beheer", Access.ADMIN);
    put("POST", "/beheer/gebruikers", Access.ADMIN);
    put("POST", "/beheer/corporaties", Access.ADMIN);
    put("POST", "/beheer/organisaties", Access.ADMIN);
    put("POST", "/beheer/gebruikers/actief", Access.ADMIN);
    put("POST", "/beheer/lidmaatschap", Access.ADMIN);
    put("POST", "/beheer/lidmaatschap/intrekken", Access.ADMIN);
    // data: imports, mappings, fetch
    put("POST", "/api/imports", Access.ANALYST);
    put("POST", "/api/imports/{id}/undo", Access.ANALYST);
    put("GET", "/api/mappings", Access.SIGNED_IN_SCOPED);
    put("POST", "/api/mappings", Access.ANALYST);
    put("GET", "/gegevens", Access.SIGNED_IN);
    put("POST", "/gegevens/upload", Access.ANALYST);
    put("GET", "/gegevens/jobs/{id}", Access.SIGNED_IN);
    put("GET", "/gegevens/jobs/{id}/report", Access.SIGNED_IN);
    put("GET", "/gegevens/geschiedenis", Access.SIGNED_IN);
    put("GET", "/gegevens/sjablonen", Access.SIGNED_IN);
    put("GET", "/gegevens/sjablonen/eenheden.csv", Access.SIGNED_IN);
    put("GET", "/gegevens/sjablonen/eenheden.xlsx", Access.SIGNED_IN);
    put("POST", "/gegevens/geschiedenis/{id}/ongedaan", Access.ANALYST);
    put("GET", "/gegevens/koppeling", Access.SIGNED_IN);
    put("POST", "/gegevens/koppeling", Access.ANALYST);
    put("GET", "/gegevens/ophalen", Access.DATA_STEWARD);
    put("POST", "/gegevens/ophalen", Access.DATA_STEWARD);
    put("GET", "/gegevens/ophalen/jobs/{id}", Access.DATA_STEWARD);
    // own stock and profiles
    put("GET", "/api/complexes", Access.STAFF);
    put("GET", "/api/complexes/{code}/profile", Access.STAFF);
    put("GET", "/api/stock/clusters", Access.STAFF);
    put("GET", "/api/stock/units", Access.STAFF);
    put("GET", "/api/stock/maintenance", Access.STAFF);
    put("GET", "/api/stock/allocations", Access.STAFF);
    put("GET", "/api/stock/turnover", Access.STAFF);
    put("GET", "/api/stock/signals", Access.STAFF);
    put("GET", "/api/stock/areas", Access.STAFF);
    put("GET", "/api/stock/complexes.geojson", Access.STAFF);
    put("GET", "/voorraad", Access.STAFF);
    put("GET", "/voorraad/{type}/{code}", Access.STAFF);
    put("GET", "/voorraad/{type}/{code}/profiel", Access.STAFF);
    put("GET", "/voorraad/{type}/{code}/profiel.pdf", Access.STAFF);
    // ateliers
    put("GET", "/api/ateliers", Access.SIGNED_IN);
    put("POST", "/api/ateliers", Access.FACILITATOR);
    put("POST", "/api/ateliers/join", Access.PUBLIC);
    put("GET", "/api/ateliers/{id}", Access.PARTICIPANT);
    put("PUT", "/api/ateliers/{id}", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/phase", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/reveal", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/present", Access.FACILITATOR);
    put("GET", "/api/ateliers/{id}/pins", Access.PARTICIPANT);
    put("POST", "/api/ateliers/{id}/pins", Access.PARTICIPANT);
    put("PUT", "/api/ateliers/{id}/pins/{pinId}", Access.PARTICIPANT);
    put("DELETE", "/api/ateliers/{id}/pins/{pinId}", Access.PARTICIPANT);
    put("POST", "/api/ateliers/{id}/pins/{pinId}/moderation", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/answers", Access.PARTICIPANT);
    put("POST", "/api/ateliers/{id}/answers/approval", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/problem-areas", Access.PARTICIPANT);
    put("PUT", "/api/ateliers/{id}/problem-areas/{areaId}", Access.FACILITATOR);
    put("DELETE", "/api/ateliers/{id}/problem-areas/{areaId}", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/measures", Access.PARTICIPANT);
    put("PUT", "/api/ateliers/{id}/measures/{measureId}", Access.FACILITATOR);
    put("DELETE", "/api/ateliers/{id}/measures/{measureId}", Access.FACILITATOR);
    put("POST", "/api/ateliers/{id}/votes", Access.PARTICIPANT);
    put("DELETE", "/api/ateliers/{id}/participants/{participantId}/name", Access.PARTICIPANT);
    put("GET", "/api/ateliers/{id}/events", Access.PARTICIPANT);
    put("GET", "/api/ateliers/{id}/me", Access.PARTICIPANT_SELF);
    put("GET", "/api/ateliers/{id}/results", Access.PARTICIPANT);
    put("GET", "/api/ateliers/{id}/map.geojson", Access.PARTICIPANT);
    put("GET", "/api/ateliers/{id}/export.{format}", Access.ATELIER_STAFF);
    put("GET", "/api/ateliers/{id}/record.gpkg", Access.ATELIER_STAFF);
    put("GET", "/api/ateliers/{id}/qr.svg", Access.ATELIER_STAFF);
    put("POST", "/api/ateliers/{id}/tiles", Access.FACILITATOR);
    put("GET", "/tiles/{z}/{x}/{y}.png", Access.PUBLIC);
    put("GET", "/api/recognition", Access.SIGNED_IN);
    put("GET", "/ateliers", Access.SIGNED_IN);
    put("GET", "/ateliers/herkenning", Access.SIGNED_IN);
    put("POST", "/ateliers", Access.FACILITATOR);
    put("GET", "/ateliers/{id}", Access.ATELIER_STAFF);
    put("GET", "/ateliers/{id}/scherm", Access.ATELIER_STAFF);
    put("GET", "/ateliers/{id}/uitnodiging", Access.ATELIER_STAFF);
    put("GET", "/ateliers/{id}/resultaten", Access.ATELIER_STAFF);
    put("GET", "/atelier/{id}", Access.PARTICIPANT);
    put("GET", "/atelier/texts.json", Access.PUBLIC);
    put("GET", "/doe-mee", Access.PUBLIC);
    put("POST", "/doe-mee", Access.PUBLIC);
    // measures, beheerplan, begroting, monitoring
    put("GET", "/api/measures", Access.STAFF);
    put("POST", "/api/measures", Access.PLANNER);
    put("GET", "/api/measures/{id}", Access.STAFF);
    put("PUT", "/api/measures/{id}", Access.PLANNER);
    put("DELETE", "/api/measures/{id}", Access.PLANNER);
    put("PUT", "/api/measures/{id}/mjob", Access.PLANNER);
    put("PUT", "/api/measures/{id}/spending", Access.PLANNER);
    put("GET", "/api/measures/catalogue", Access.STAFF);
    put("POST", "/api/measures/catalogue", Access.PLANNER);
    put("PUT", "/api/measures/catalogue/{id}", Access.PLANNER);
    put("GET", "/api/budget", Access.STAFF);
    put("GET", "/api/budget.xlsx", Access.STAFF);
    put("GET", "/api/budget.pdf", Access.STAFF);
    put("GET", "/api/targets", Access.STAFF);
    put("GET", "/api/report.{format}", Access.STAFF);
    put("GET", "/api/plans", Access.STAFF);
    put("PUT", "/api/plans", Access.PLANNER);
    put("POST", "/api/plans/approve", Access.MANAGER);
    put("GET", "/api/plans/export.{format}", Access.STAFF);
    put("POST", "/api/plans/import", Access.PLANNER);
    put("GET", "/api/changes", Access.STAFF);
    put("GET", "/api/signal-thresholds", Access.STAFF);
    put("PUT", "/api/signal-thresholds", Access.PLANNER);
    put("GET", "/maatregelen", Access.STAFF);
    put("POST", "/maatregelen", Access.PLANNER);
    put("GET", "/maatregelen/nieuw", Access.PLANNER);
    put("GET", "/maatregelen/{id}", Access.STAFF);
    put("POST", "/maatregelen/{id}", Access.PLANNER);
    put("POST", "/maatregelen/{id}/mjob", Access.PLANNER);
    put("POST", "/maatregelen/{id}/uitgaven", Access.PLANNER);
    put("POST", "/maatregelen/{id}/verwijderen", Access.PLANNER);
    put("GET", "/beheerplan", Access.STAFF);
    put("POST", "/beheerplan/teksten", Access.PLANNER);
    put("POST", "/beheerplan/goedkeuren", Access.MANAGER);
    put("POST", "/beheerplan/excel", Access.PLANNER);
    put("GET", "/begroting", Access.STAFF);
    put("GET", "/doelen", Access.STAFF);
    put("GET", "/wijzigingen", Access.STAFF);
    put("POST", "/wijzigingen/drempels", Access.PLANNER);
    // sharing with partners, and what partners read
    put("GET", "/api/organisations", Access.SIGNED_IN);
    put("GET", "/api/shares", Access.STAFF);
    put("POST", "/api/shares", Access.MANAGER);
    put("DELETE", "/api/shares/{id}", Access.MANAGER);
    put("GET", "/delen", Access.STAFF);
    put("POST", "/delen", Access.MANAGER);
    put("POST", "/delen/{id}/intrekken", Access.MANAGER);
    put("GET", "/api/agreements", Access.AGREEMENT_READER);
    put("POST", "/api/agreements", Access.PLANNER);
    put("GET", "/api/agreements/{id}", Access.AGREEMENT_READER);
    put("PUT", "/api/agreements/{id}", Access.PLANNER);
    put("DELETE", "/api/agreements/{id}", Access.PLANNER);
    put("GET", "/api/agreements/{id}/evaluation", Access.AGREEMENT_READER);
    put("GET", "/api/agreements/{id}/evaluation.{format}", Access.AGREEMENT_READER);
    put("GET", "/afspraken", Access.STAFF);
    put("POST", "/afspraken", Access.PLANNER);
    put("GET", "/afspraken/{id}", Access.AGREEMENT_READER);
    put("POST", "/afspraken/{id}", Access.PLANNER);
    put("POST", "/afspraken/{id}/verwijderen", Access.PLANNER);
    put("GET", "/api/partner/shares", Access.PARTNER);
    put("GET", "/api/partner/plans", Access.PARTNER);
    put("GET", "/api/partner/ateliers/{id}", Access.PARTNER);
    put("GET", "/api/partner/recognition", Access.PARTNER);
    put("GET", "/partner", Access.PARTNER);
    put("GET", "/partner/beheerplan", Access.PARTNER);
    put("GET", "/partner/beheerplan.pdf", Access.PARTNER);
    put("GET", "/partner/ateliers/{id}", Access.PARTNER);
    // allocation scenarios
    put("GET", "/api/allocation/complexes/{code}/compare", Access.STAFF);
    put("GET", "/api/allocation/complexes/{code}/compare.xlsx", Access.STAFF);
    put("GET", "/api/allocation/complexes/{code}/compare.pdf", Access.STAFF);
    put("GET", "/api/allocation/buurten/{buurt}/compare", Access.STAFF);
    put("GET", "/api/allocation/crossings", Access.STAFF);
    put("GET", "/api/allocation/backtest", Access.STAFF);
    put("GET", "/toewijzing", Access.STAFF);
    put("GET", "/toewijzing/terugblik", Access.STAFF);
  }

  private PermissionMatrix() {}

  /** Every entry: "METHOD pattern" to access, in the order of the table. */
  public static Map<String, Access> entries() {
    return java.util.Collections.unmodifiableMap(ENTRIES);
  }

  /** The README's table. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| Method | Path | Who may call it |\n|---|---|---|\n");
    ENTRIES.forEach(
        (key, access) -> {
          int space = key.indexOf(' ');
          out.append("| ")
              .append(key, 0, space)
              .append(" | `")
              .append(key.substring(space + 1))
              .append("` | ")
              .append(access.who())
              .append(" |\n");
        });
    return out.toString();
  }

  /** The access levels with who they admit, for the legend. */
  public static List<String> legend() {
    return java.util.Arrays.stream(Access.values())
        .map(a -> a.name().toLowerCase(Locale.ROOT) + ": " + a.who())
        .toList();
  }
}
