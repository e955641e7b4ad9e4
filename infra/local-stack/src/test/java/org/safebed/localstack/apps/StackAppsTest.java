package org.safebed.localstack.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;

/** The stack's view of its applications matches what is really on the classpath. */
class StackAppsTest {

  private static final Set<String> AUTO_CONFIGURATIONS = ImportCandidates
      .load(AutoConfiguration.class, StackAppsTest.class.getClassLoader())
      .getCandidates().stream().collect(Collectors.toSet());

  static final List<StackApp> apps = StackApps.ALL;

  @ParameterizedTest
  @FieldSource("apps")
  void excludesOnlyAutoConfigurationsThatExist(StackApp app) {
    // Boot ignores an excluded name that is not on the classpath: a typo would exclude nothing.
    assertThat(app.excludedAutoConfigurations())
        .isNotEmpty()
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(AUTO_CONFIGURATIONS).contains(name));
  }

  @Test
  void keepsDataStoresAndServicePlatformOutOfTheGatewayAndTheIdentityProvider() {
    for (StackApp app : List.of(StackApps.GATEWAY_APP, StackApps.IDENTITY_PROVIDER)) {
      assertThat(app.excludedAutoConfigurations())
          .containsAll(StackApps.MONGO_AND_RABBIT)
          .containsAll(StackApps.SERVICE_PLATFORM);
      assertThat(app.usesMongoAndBroker()).isFalse();
    }
  }

  @Test
  void keepsTheAuthorizationServerAndTheGatewayOutOfTheServices() {
    assertThat(StackApps.SERVICES).allSatisfy(service -> {
      assertThat(service.excludedAutoConfigurations())
          .containsAll(StackApps.AUTHORIZATION_SERVER)
          .containsAll(StackApps.GATEWAY)
          .doesNotContainAnyElementsOf(StackApps.MONGO_AND_RABBIT)
          .doesNotContainAnyElementsOf(StackApps.SERVICE_PLATFORM);
      assertThat(service.webType()).isEqualTo(WebApplicationType.SERVLET);
      assertThat(service.usesMongoAndBroker()).isTrue();
    });
    assertThat(StackApps.IDENTITY_PROVIDER.excludedAutoConfigurations())
        .doesNotContainAnyElementsOf(StackApps.AUTHORIZATION_SERVER);
  }

  @Test
  void runsTheGatewayReactiveOnNettyAndEverythingElseOnServlets() {
    assertThat(StackApps.GATEWAY_APP.webType()).isEqualTo(WebApplicationType.REACTIVE);
    assertThat(StackApps.GATEWAY_APP.excludedAutoConfigurations()).containsAll(StackApps.TOMCAT_REACTIVE);
    assertThat(StackApps.IDENTITY_PROVIDER.webType()).isEqualTo(WebApplicationType.SERVLET);
  }

  @Test
  void everyApplicationHasItsOwnConfigurationFileOnTheClasspath() {
    assertThat(apps).extracting(StackApp::configName).doesNotHaveDuplicates();
    assertThat(apps).allSatisfy(app -> assertThat(
            getClass().getClassLoader().getResource(app.configName() + ".yml"))
        .as(app.configName() + ".yml").isNotNull());
  }

  @Test
  void givesEachServiceItsOwnDatabase() {
    assertThat(StackApps.SERVICES).extracting(StackApp::mongoDatabase)
        .containsExactly("shelter_occupancy", "transport", "rental_referral");
  }
}
