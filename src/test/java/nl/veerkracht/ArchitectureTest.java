package nl.veerkracht;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps the arrows one way: features never form cycles; pure domain code (records, readers,
 * geometry) knows nothing of Spring, servlets or SQL; nothing depends on page or API controllers.
 */
class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("nl.veerkracht");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("nl.veerkracht.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void domainCodeImportsNoFrameworkOrSql() {
    noClasses()
        .that()
        .resideInAnyPackage("..domain..", "nl.veerkracht.imports.read..", "nl.veerkracht.geo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..")
        .check(CLASSES);
  }

  /** A page or API controller, or a type nested in one. */
  static final DescribedPredicate<JavaClass> CONTROLLER_OR_NESTED =
      new DescribedPredicate<>("a controller or a type nested in one") {
        @Override
        public boolean test(JavaClass c) {
          if (c.isAnnotation()) {
            return false;
          }
          for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (k.isAnnotatedWith(Controller.class) || k.isAnnotatedWith(RestController.class)) {
              return true;
            }
          }
          return false;
        }
      };

  @Test
  void nothingDependsOnControllersOrTheirNestedTypes() {
    noClasses()
        .that(DescribedPredicate.not(CONTROLLER_OR_NESTED))
        .should()
        .dependOnClassesThat(CONTROLLER_OR_NESTED)
        .check(CLASSES);
  }

  @Test
  void controllersNestNoTypesOthersCouldNeed() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should(
            new ArchCondition<>("nest no records") {
              @Override
              public void check(JavaClass c, ConditionEvents events) {
                CLASSES.stream()
                    .filter(x -> x.getEnclosingClass().map(e -> e.equals(c)).orElse(false))
                    .filter(JavaClass::isRecord)
                    .forEach(
                        x ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    x, x.getName() + " is a record nested in a controller")));
              }
            })
        .check(CLASSES);
  }

  /**
   * The wing from decision to monitoring stands in floors, each on the ones below: measure
   * (maatregelen, catalogue, MJOB links) at the bottom, then atelier, plan (beheerplan, begroting),
   * monitor (targets, yearly report, what changed) on top. No room looks up.
   */
  @Test
  void measureAtelierPlanMonitorStandInFloors() {
    String[] floors = {"measure", "atelier", "plan", "monitor"};
    for (int i = 0; i < floors.length; i++) {
      for (int j = i + 1; j < floors.length; j++) {
        noClasses()
            .that()
            .resideInAPackage("nl.veerkracht." + floors[i] + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.veerkracht." + floors[j] + "..")
            .check(CLASSES);
      }
    }
  }

  @Test
  void lowLevelPackagesStayLow() {
    noClasses()
        .that()
        .resideInAnyPackage("nl.veerkracht.common..", "nl.veerkracht.geo..", "nl.veerkracht.area..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.veerkracht.imports..",
            "nl.veerkracht.map..",
            "nl.veerkracht.demo..",
            "nl.veerkracht.web..")
        .check(CLASSES);
  }

  private static final Pattern MAY_USE = Pattern.compile("May use: ([a-z, ]+)\\.");

  /**
   * Every room says in its {@code package-info.java} what it holds and which rooms it may use ("May
   * use: area, common." or "May use: nothing."), and that list is exactly the rooms its code uses:
   * a room that starts using another says so there, and one that stops says that too. The
   * application's own classes at the top (its settings, its start) are open to every room.
   */
  @Test
  void everyRoomNamesTheRoomsItUses() throws IOException {
    Map<String, Set<String>> used = new TreeMap<>();
    for (JavaClass c : CLASSES) {
      String room = room(c.getPackageName());
      if (room == null) {
        continue;
      }
      Set<String> rooms = used.computeIfAbsent(room, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String other = room(d.getTargetClass().getPackageName());
        if (other != null && !other.equals(room)) {
          rooms.add(other);
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    Path base = Path.of("src/main/java/nl/veerkracht");
    try (Stream<Path> dirs = Files.list(base)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String room = dir.getFileName().toString();
        Path info = dir.resolve("package-info.java");
        if (!Files.exists(info)) {
          wrong.add(room + ": no package-info.java saying what it holds and may use");
          continue;
        }
        Matcher m = MAY_USE.matcher(Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
        if (!m.find()) {
          wrong.add(room + ": its package-info.java has no line 'May use: ….'");
          continue;
        }
        Set<String> said = new TreeSet<>(List.of(m.group(1).trim().split("\\s*,\\s*")));
        said.remove("nothing");
        Set<String> uses = used.getOrDefault(room, Set.of());
        if (!said.equals(uses)) {
          wrong.add(room + ": says it may use " + said + ", uses " + uses);
        }
      }
    }
    System.out.printf("[rooms] %d rooms, each names the rooms it uses%n", used.size());
    assertThat(wrong).isEmpty();
  }

  /**
   * A page's template lives in the folder of the room whose controller shows it ({@code
   * src/main/jte/atelier/atelier-live.jte}); only the frame every page shares (layout, error)
   * stands at the top.
   */
  @Test
  void templatesLiveInTheirRoomsFolder() throws IOException {
    Path jte = Path.of("src/main/jte");
    List<String> wrong = new ArrayList<>();
    int count = 0;
    try (Stream<Path> files = Files.walk(jte)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
        count++;
        Path rel = jte.relativize(f);
        if (rel.getNameCount() == 1) {
          if (!Set.of("layout.jte", "error.jte").contains(rel.toString())) {
            wrong.add(rel + ": not in a room's folder");
          }
        } else if (!Files.isDirectory(
            Path.of("src/main/java/nl/veerkracht", rel.getName(0).toString()))) {
          wrong.add(rel + ": there is no room " + rel.getName(0));
        }
      }
    }
    System.out.printf(
        "[rooms] %d templates, each in its room's folder or the shared frame%n", count);
    assertThat(wrong).isEmpty();
  }

  /** Controllers hold no SQL: SQL lives in repositories, behind services. */
  @Test
  void controllersHoldNoSql() {
    noClasses()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            org.springframework.jdbc.core.simple.JdbcClient.class,
            org.springframework.jdbc.core.JdbcTemplate.class,
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class,
            javax.sql.DataSource.class)
        .check(CLASSES);
  }

  /**
   * Controllers use services, never a repository: a lookup, an access check or the assembly of a
   * page sits in a service of the room that owns the data. (Records a repository declares, such as
   * a row's view, may be passed through.)
   */
  @Test
  void controllersUseServicesNeverRepositories() {
    Set<String> onRepositories = new TreeSet<>();
    int controllers = 0;
    for (JavaClass c : CLASSES) {
      if (!c.isAnnotatedWith(Controller.class) && !c.isAnnotatedWith(RestController.class)) {
        continue;
      }
      controllers++;
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass t = d.getTargetClass();
        if (t.getPackageName().startsWith("nl.veerkracht.")
            && t.getSimpleName().endsWith("Repository")) {
          onRepositories.add(c.getSimpleName() + " -> " + t.getSimpleName());
        }
      }
    }
    System.out.printf(
        "[layers] %d controllers, %d read through a repository themselves%n",
        controllers, onRepositories.size());
    assertThat(onRepositories).as("controllers that use a repository").isEmpty();
  }

  /**
   * Access checks sit in one layer: services. A controller asks its room's service for the caller's
   * membership ({@code reader}, {@code planner}, {@code staff}, …); it never calls {@code
   * CurrentUser.require…} itself.
   */
  @Test
  void controllersLeaveAccessChecksToServices() {
    noClasses()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "CurrentUser.require…",
                call ->
                    call.getTargetOwner().getName().equals("nl.veerkracht.security.CurrentUser")
                        && call.getName().startsWith("require")))
        .check(CLASSES);
    noClasses()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .callConstructor(
            nl.veerkracht.common.ForbiddenException.class, nl.veerkracht.common.Text.class)
        .orShould()
        .callConstructor(nl.veerkracht.common.ForbiddenException.class, String.class)
        .check(CLASSES);
  }

  /** The room a package belongs to (the first name under nl.veerkracht), or null at the top. */
  private static String room(String packageName) {
    if (!packageName.startsWith("nl.veerkracht.")) {
      return null;
    }
    String rest = packageName.substring("nl.veerkracht.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
