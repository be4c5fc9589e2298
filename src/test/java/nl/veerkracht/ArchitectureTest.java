package nl.veerkracht;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
}
