package org.safebed.referral;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.safebed.referral");

  @Test
  void domainKnowsNoFrameworkNorStorageNorPlatform() {
    noClasses()
        .that().resideInAPackage("org.safebed.referral.domain..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.bson..", "com.mongodb..", "tools.jackson..", "com.fasterxml..",
            "org.safebed.platform..", "org.safebed.referral.application..", "org.safebed.referral.web..",
            "org.safebed.referral.persistence..", "org.safebed.referral.messaging..")
        .check(CLASSES);
  }

  @Test
  void onlyPersistenceTalksToMongo() {
    noClasses()
        .that().resideOutsideOfPackage("org.safebed.referral.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "org.springframework.data.mongodb..")
        .check(CLASSES);
  }

  @Test
  void applicationDoesNotDependOnWebOrPersistence() {
    noClasses()
        .that().resideInAPackage("org.safebed.referral.application..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.safebed.referral.web..", "org.safebed.referral.persistence..", "org.safebed.referral.messaging..")
        .check(CLASSES);
  }

  @Test
  void noManagersHelpersUtilsOrImpls() {
    classes()
        .that().resideInAPackage("org.safebed.referral..")
        .and().resideOutsideOfPackage("org.safebed.referral.web.api..")
        .and().resideOutsideOfPackage("org.safebed.referral.web.model..")
        .should().haveSimpleNameNotEndingWith("Manager")
        .andShould().haveSimpleNameNotEndingWith("Helper")
        .andShould().haveSimpleNameNotEndingWith("Util")
        .andShould().haveSimpleNameNotEndingWith("Utils")
        .andShould().haveSimpleNameNotEndingWith("Impl")
        .check(CLASSES);
  }
}
