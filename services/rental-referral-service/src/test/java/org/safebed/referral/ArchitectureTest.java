package org.safebed.referral;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.safebed.platform.testing.ServiceArchitecture;

/** The services' layer rules (platform-testing's {@link ServiceArchitecture}). */
class ArchitectureTest {

  @TestFactory
  Stream<DynamicTest> theServicesRules() {
    return ServiceArchitecture.of("org.safebed.referral").rules();
  }
}
