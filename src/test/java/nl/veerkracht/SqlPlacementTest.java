package nl.veerkracht;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * SQL lives in {@code *Repository} classes (an import's bulk writers are named {@code *Writer}). A
 * class "holds SQL" when it uses a {@code JdbcClient}, a {@code JdbcTemplate} or a raw JDBC
 * connection or statement. Outside repositories only the database's own machinery may (listed with
 * its reason), and the classes not yet split are a ledger that may only shrink: a new class with
 * SQL must be a repository, and a class that stops holding SQL must come off the ledger.
 */
class SqlPlacementTest {

  static final Set<String> JDBC =
      Set.of(
          "org.springframework.jdbc.core.simple.JdbcClient",
          "org.springframework.jdbc.core.JdbcTemplate",
          "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
          "java.sql.Connection",
          "java.sql.PreparedStatement",
          "java.sql.Statement");

  /** Rooms that work on the database itself rather than on one room's rows. */
  static final Map<String, String> MACHINERY_ROOMS =
      Map.of(
          "database", "the embedded server, connections, per-request scoping, COPY, lockdown",
          "backup", "dumps and restores the whole database",
          "bench", "benchmarks set up and measure their own databases",
          "demo", "loads the bundled demo corporation on first start");

  /** Single classes outside those rooms that touch JDBC types without owning a table. */
  static final Map<String, String> MACHINERY_CLASSES =
      Map.of(
          "web.ApiExceptionHandler",
          "asks RequestBoundedJdbcTemplate whether a statement ran past its limit; no SQL",
          "atelier.AtelierEvents",
          "holds one connection that LISTENs for the atelier events of every instance; no query");

  /**
   * Rooms whose imports write a file's records with writers named {@code *Writer}: repositories by
   * another name, one per kind of record, writing in the import run's transaction (mostly by COPY
   * into staging tables and one merge).
   */
  static final Set<String> WRITER_ROOMS = Set.of("imports", "statistics", "stock");

  /** Classes that still hold SQL themselves; to be split into a service and a repository. */
  static final Set<String> NOT_YET_SPLIT =
      Set.of("statistics.ObservationStaging", "stock.StagingTables");

  /**
   * Calls that bind parameters by position ({@code ?}) rather than by name: new and moved SQL binds
   * by name; the older statements are counted here, and the count may only fall (lower it when you
   * convert some).
   */
  static final int POSITIONAL_BINDINGS = 21;

  static final java.util.regex.Pattern POSITIONAL =
      java.util.regex.Pattern.compile("\\.params?\\((?!\\s*\")");

  @Test
  void positionalParametersOnlyFall() throws java.io.IOException {
    int calls = 0;
    Set<String> files = new TreeSet<>();
    try (var paths = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (var f : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
        var m = POSITIONAL.matcher(java.nio.file.Files.readString(f));
        while (m.find()) {
          calls++;
          files.add(f.getFileName().toString());
        }
      }
    }
    System.out.printf("[sql] %d calls bind by position, in %d files%n", calls, files.size());
    assertThat(calls).as("positional bindings (may only fall)").isEqualTo(POSITIONAL_BINDINGS);
  }

  @Test
  void sqlLivesInRepositories() {
    Set<String> repositories = new TreeSet<>();
    Set<String> outside = new TreeSet<>();
    for (JavaClass c : ArchitectureTest.CLASSES) {
      if (c.getDirectDependenciesFromSelf().stream()
          .map(Dependency::getTargetClass)
          .noneMatch(t -> JDBC.contains(t.getName()))) {
        continue;
      }
      String name = c.getName().replaceAll("\\$.*", "").substring("nl.veerkracht.".length());
      String room = name.substring(0, name.indexOf('.'));
      if (name.endsWith("Repository") || (name.endsWith("Writer") && WRITER_ROOMS.contains(room))) {
        repositories.add(name);
      } else if (!MACHINERY_ROOMS.containsKey(room) && !MACHINERY_CLASSES.containsKey(name)) {
        outside.add(name);
      }
    }
    System.out.printf(
        "[sql] %d repositories (and import writers) hold SQL; %d classes outside them still do"
            + " (ledger)%n",
        repositories.size(), outside.size());
    assertThat(outside)
        .as("classes with SQL outside repositories (the ledger may only shrink)")
        .isEqualTo(new TreeSet<>(NOT_YET_SPLIT));
  }
}
