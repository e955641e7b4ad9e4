package org.safebed.occupancy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class LayerRulesTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
      .importPackages("org.safebed.occupancy");

  @Test
  void theDomainDependsOnTheJavaPlatformOnly() {
    classes().that().resideInAPackage("..occupancy.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..occupancy.domain..")
        .check(MAIN);
  }

  @Test
  void onlyPersistenceTalksToMongo() {
    noClasses().that().resideOutsideOfPackages("..occupancy.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
        .check(MAIN);
  }

  @Test
  void useCasesDoNotKnowTheWebOrTheWire() {
    noClasses().that().resideInAPackage("..occupancy.application..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "..occupancy.web..", "..occupancy.persistence..", "..occupancy.messaging..", "org.springframework.amqp..")
        .check(MAIN);
  }

  @Test
  void generatedWireModelsStayInTheWebLayer() {
    noClasses().that().resideOutsideOfPackages("..occupancy.web..")
        .should().dependOnClassesThat().resideInAPackage("..occupancy.web.model..")
        .check(MAIN);
  }
}
