package org.safebed.transport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.client.OutboundGuard;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped settings of each outbound guard, read under the property names operators set. */
class OutboundSettingsTest {

  private Binder binder;

  @BeforeEach
  void shippedConfiguration() throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("transport-service.yml", new ClassPathResource("transport-service.yml"))
        .forEach(environment.getPropertySources()::addLast);
    binder = Binder.get(environment);
  }

  @Test
  void theRoutingProviderIsCutOffSoonAndItsBreakerOpensAfterAHandfulOfFailures() {
    RoutingProperties routing = binder.bind("safebed.transport.routing", RoutingProperties.class).get();

    assertThat(routing.resilience()).isEqualTo(new OutboundGuard.Settings(
        Duration.ofMillis(800), 2, Duration.ofMillis(100), 50f, 10, 4, Duration.ofSeconds(30), 2));
  }

  @Test
  void theAddressOwnersHaveTwoSecondsAnAttemptAndTheirUnsetSettingsTheDefaults() {
    AddressOwnersProperties owners = binder.bind("safebed.transport", AddressOwnersProperties.class).get();
    OutboundGuard.Settings expected =
        new OutboundGuard.Settings(Duration.ofSeconds(2), 2, Duration.ofMillis(100), 50f, 10, 4, Duration.ofSeconds(15), 2);

    assertThat(owners.occupancy().resilience()).isEqualTo(expected);
    assertThat(owners.referral().resilience()).isEqualTo(expected);
  }

  @Test
  void theServiceTokenHasTwoSecondsAndItsOwnBreaker() {
    ServiceCredentialsProperties credentials =
        binder.bind("safebed.transport.service-credentials", ServiceCredentialsProperties.class).get();

    assertThat(credentials.clientId()).isEqualTo("transport-service");
    assertThat(credentials.resilience()).isEqualTo(new OutboundGuard.Settings(
        Duration.ofSeconds(2), null, null, null, null, 4, Duration.ofSeconds(15), null));
  }
}
