package org.safebed.transport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layer rules: a domain free of frameworks, web not reaching into storage or outbound clients. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.safebed.transport");

  @Test
  void domainDependsOnNoFrameworkNorStorageNorPlatform() {
    noClasses()
        .that().resideInAPackage("..transport.domain..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.bson..", "com.mongodb..", "org.safebed.platform..",
            "tools.jackson..", "com.fasterxml..", "io.github.resilience4j..",
            "org.safebed.transport.application..", "org.safebed.transport.persistence..",
            "org.safebed.transport.web..", "org.safebed.transport.messaging..",
            "org.safebed.transport.client..", "org.safebed.transport.config..")
        .check(CLASSES);
  }

  @Test
  void webGoesThroughTheApplication() {
    noClasses()
        .that().resideInAPackage("..transport.web..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("..transport.persistence..", "..transport.client..", "org.springframework.data..")
        .check(CLASSES);
  }

  @Test
  void applicationDoesNotKnowHowThingsAreStoredOrCalled() {
    noClasses()
        .that().resideInAPackage("..transport.application..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "..transport.persistence..", "..transport.client..", "..transport.web..",
            "org.springframework.data..", "com.mongodb..", "org.springframework.web.client..")
        .check(CLASSES);
  }
}
