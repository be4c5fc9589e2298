package nl.veerkracht;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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

  @Test
  void nothingDependsOnControllers() {
    noClasses()
        .that()
        .areNotAnnotatedWith(org.springframework.stereotype.Controller.class)
        .and()
        .areNotAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .check(CLASSES);
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
