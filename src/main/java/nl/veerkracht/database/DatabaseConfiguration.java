package nl.veerkracht.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import nl.veerkracht.VeerkrachtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one data source: an external PostgreSQL when {@code VEERKRACHT_DB_URL} is set, otherwise the
 * embedded server in {@code VEERKRACHT_HOME}. When another Veerkracht process already runs the
 * embedded server of the same home folder (say the web app while a user runs the {@code import}
 * command), this process connects to that server instead of refusing.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
  private static final java.time.Duration WAIT = java.time.Duration.ofMinutes(5);

  /**
   * Signed-in sessions (Spring Session) have a small pool of their own: a session is written when a
   * response is committed, while the request may still hold its connection of the main pool, so a
   * shared pool would wait on itself when many requests come at once. Never as a staff member's
   * role: sessions are read before anyone is known.
   */
  @Bean(destroyMethod = "close", defaultCandidate = false)
  @org.springframework.session.jdbc.config.annotation.SpringSessionDataSource
  @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
  public HikariDataSource sessionDataSource(HikariDataSource dataSource) {
    HikariConfig config = new HikariConfig();
    dataSource.copyStateTo(config);
    config.setPoolName("veerkracht-sessions");
    config.setMaximumPoolSize(SESSION_POOL);
    // connections only while sessions are used: a server beside ten commands (each with its own
    // pool) stays far from the database's connection limit
    config.setMinimumIdle(0);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  static final int SESSION_POOL = 4;

  /** The {@code application_name} of a command's connections, followed by its process id. */
  static final String COMMAND_APPLICATION = "veerkracht command ";

  @Bean(destroyMethod = "close")
  public HikariDataSource dataSource(
      VeerkrachtProperties properties, org.springframework.core.env.Environment environment) {
    VeerkrachtProperties.Db db = properties.db();
    HikariConfig config = new HikariConfig();
    config.setPoolName("veerkracht");
    config.setMaximumPoolSize(db.poolSize());
    boolean command = nl.veerkracht.CommandProcess.is(environment);
    if (command) {
      // A command mostly needs one connection at a time; a pool kept full (ten per process)
      // made ten backups beside a starting server pass the database's 100 connections, and the
      // server itself then could not connect ("too many clients already").
      config.setMinimumIdle(0);
    }
    // who holds a connection, as pg_stat_activity shows it to a DBA (and to the tests)
    config.addDataSourceProperty(
        "ApplicationName",
        (command ? COMMAND_APPLICATION : "veerkracht server ") + ProcessHandle.current().pid());
    if (db.external()) {
      log.info("Using the external PostgreSQL at {}", db.url());
      config.setJdbcUrl(db.url());
      config.setUsername(db.user());
      config.setPassword(db.password());
    } else {
      // A command uses the server of a running Veerkracht; the web server waits for a command
      // that holds the folder to end, and then runs the database itself.
      Optional<Integer> otherProcess =
          command
              ? EmbeddedPostgresServer.findServerOfOtherProcess(properties.home(), WAIT)
              : Optional.empty();
      if (!command) {
        EmbeddedPostgresServer.awaitHome(properties.home(), WAIT);
      }
      String url;
      if (otherProcess.isPresent()) {
        log.info(
            "The embedded database in {} is run by another Veerkracht process; connecting to it",
            properties.home());
        String password = EmbeddedPostgresServer.passwordOf(properties.home()).orElse(null);
        EmbeddedPostgresServer.createDatabaseIfMissing(
            otherProcess.get(), password, db.embeddedDatabase());
        url = "jdbc:postgresql://localhost:" + otherProcess.get() + "/" + db.embeddedDatabase();
        config.setPassword(password);
      } else {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrGet(properties.home());
        server.database(db.embeddedDatabase());
        url = server.jdbcUrl(db.embeddedDatabase());
        config.setPassword(server.password());
      }
      config.setJdbcUrl(url);
      config.setUsername("postgres");
    }
    return new HikariDataSource(config);
  }

  /**
   * What repositories use: the pool, with a staff member's requests limited to their corporations
   * by row-level security ({@link ScopedDataSource}).
   */
  @Bean
  @org.springframework.context.annotation.Primary
  public javax.sql.DataSource scopedDataSource(HikariDataSource dataSource) {
    return new ScopedDataSource(dataSource);
  }

  /**
   * Every repository's {@code JdbcTemplate} and {@code JdbcClient}: a statement of a person's
   * request is bounded ({@link RequestBoundedJdbcTemplate}).
   */
  @Bean
  public org.springframework.jdbc.core.JdbcTemplate jdbcTemplate(
      javax.sql.DataSource scopedDataSource, VeerkrachtProperties properties) {
    return new RequestBoundedJdbcTemplate(
        scopedDataSource, properties.db().requestStatementTimeout());
  }

  /** Exposed so tests and the benchmark can reach the same server; empty when external. */
  public static Optional<EmbeddedPostgresServer> embedded(VeerkrachtProperties properties) {
    return properties.db().external()
        ? Optional.empty()
        : Optional.of(EmbeddedPostgresServer.startOrGet(properties.home()));
  }
}
