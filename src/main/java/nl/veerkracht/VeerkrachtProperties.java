package nl.veerkracht;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code veerkracht.*}. Environment variables bind by Spring's relaxed rules: {@code
 * VEERKRACHT_HOME}, {@code VEERKRACHT_DB_URL}, {@code VEERKRACHT_DB_USER}, {@code
 * VEERKRACHT_DB_PASSWORD}, {@code VEERKRACHT_ADMIN_PASSWORD}.
 *
 * @param home data folder: embedded database, uploads, logs
 * @param demo load the bundled demo data into an empty database on start
 * @param db database connection; without a URL an embedded PostgreSQL runs in {@code home}
 * @param admin the first administrator
 * @param publicData whether public data (CBS, Leefbaarometer) is readable without login
 * @param imports limits on imports
 */
@ConfigurationProperties("veerkracht")
public record VeerkrachtProperties(
    Path home, Boolean demo, Db db, Admin admin, PublicData publicData, Imports imports) {

  public VeerkrachtProperties {
    home = home != null ? home : Path.of(System.getProperty("user.home"), ".veerkracht");
    demo = demo == null || demo;
    db = db != null ? db : new Db(null, null, null, null, null, null, null);
    admin = admin != null ? admin : new Admin(null);
    publicData = publicData != null ? publicData : new PublicData(true);
    imports = imports != null ? imports : new Imports(null, null, null, null);
  }

  public boolean demoEnabled() {
    return demo;
  }

  /**
   * @param url JDBC URL of an external PostgreSQL; when blank, the embedded server is used
   * @param embeddedDatabase database name inside the embedded server
   * @param poolSize connections kept open
   * @param allowUnscoped start even when the database user may not create or take the role of
   *     row-level security ({@code VEERKRACHT_DB_ALLOW_UNSCOPED}); without it such a start is
   *     refused, so that row-level security is never silently off
   * @param requestStatementTimeout longest a statement of a person's request may run (imports and
   *     fetches excepted); default 30 s
   */
  public record Db(
      String url,
      String user,
      String password,
      String embeddedDatabase,
      Integer poolSize,
      Boolean allowUnscoped,
      java.time.Duration requestStatementTimeout) {
    public Db {
      embeddedDatabase = embeddedDatabase == null ? "veerkracht" : embeddedDatabase;
      poolSize = poolSize == null ? 10 : poolSize;
      allowUnscoped = allowUnscoped != null && allowUnscoped;
      requestStatementTimeout =
          requestStatementTimeout == null
              ? java.time.Duration.ofSeconds(30)
              : requestStatementTimeout;
    }

    public boolean external() {
      return url != null && !url.isBlank();
    }
  }

  /**
   * @param password password of user {@code admin} on first start; random when absent
   */
  public record Admin(String password) {}

  /**
   * @param open public data pages and read API need no login
   */
  public record PublicData(boolean open) {}

  /**
   * @param maxUploadBytes largest accepted upload or file (after decompression)
   * @param maxExpansionRatio largest accepted ratio of unpacked to packed size (zip bombs)
   * @param maxIndicators most indicators (figure columns) one file may bring; a national CBS table
   *     has about 150
   * @param maxAreas most areas (code and year) one file may bring; every buurt of the country for a
   *     few years fits
   */
  public record Imports(
      Long maxUploadBytes, Integer maxExpansionRatio, Integer maxIndicators, Integer maxAreas) {
    public Imports {
      maxUploadBytes = maxUploadBytes == null ? 512L * 1024 * 1024 : maxUploadBytes;
      maxExpansionRatio = maxExpansionRatio == null ? 200 : maxExpansionRatio;
      maxIndicators = maxIndicators == null ? 1000 : maxIndicators;
      maxAreas = maxAreas == null ? 200_000 : maxAreas;
    }
  }
}
