package org.safebed.transport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.safebed.platform.testing.ServiceArchitecture;

/** The services' layer rules, and transport's own: its web goes through the application. */
class ArchitectureTest {

  private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("org.safebed.transport");

  @TestFactory
  Stream<DynamicTest> theServicesRules() {
    return ARCHITECTURE.rules();
  }

  @Test
  void webGoesThroughTheApplication() {
    noClasses()
        .that().resideInAPackage("..transport.web..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("..transport.persistence..", "..transport.client..", "org.springframework.data..")
        .check(ARCHITECTURE.mainClasses());
  }
}
