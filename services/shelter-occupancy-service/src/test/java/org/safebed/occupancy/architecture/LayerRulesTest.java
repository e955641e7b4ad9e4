package org.safebed.occupancy.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.safebed.platform.testing.ServiceArchitecture;

/** The services' layer rules, and occupancy's stricter domain: the Java platform only. */
class LayerRulesTest {

  private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("org.safebed.occupancy");

  @TestFactory
  Stream<DynamicTest> theServicesRules() {
    return ARCHITECTURE.rules();
  }

  @Test
  void theDomainDependsOnTheJavaPlatformOnly() {
    classes().that().resideInAPackage("..occupancy.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..occupancy.domain..")
        .check(ARCHITECTURE.mainClasses());
  }
}
