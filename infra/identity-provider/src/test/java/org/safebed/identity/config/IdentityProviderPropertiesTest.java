package org.safebed.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityProviderPropertiesTest {

  private static final URI ISSUER = URI.create("http://localhost:9000");

  @Test
  void clientsWithoutOwnValuesGetTheDefaults() {
    DemoClient police = new DemoClient("demo-police", null, List.of("POLICE"), null, null, null);
    DemoClient service = new DemoClient(
        "transport-service", "{noop}other", List.of("SERVICE"), null, null, List.of("safebed-transport"));
    IdentityProviderProperties properties = new IdentityProviderProperties(
        ISSUER, null, "{noop}demo-secret", List.of("safebed-gateway"), List.of(police, service));

    assertThat(properties.secretOf(police)).isEqualTo("{noop}demo-secret");
    assertThat(properties.audiencesOf(police)).containsExactly("safebed-gateway");
    assertThat(properties.secretOf(service)).isEqualTo("{noop}other");
    assertThat(properties.audiencesOf(service)).containsExactly("safebed-transport");
    assertThat(properties.accessTokenTtl()).hasMinutes(15);
  }

  @Test
  void refusesTheSameClientTwice() {
    DemoClient police = new DemoClient("demo-police", null, List.of("POLICE"), null, null, null);

    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityProviderProperties(
            ISSUER, null, "{noop}s", List.of("safebed-gateway"), List.of(police, police)))
        .withMessageContaining("demo-police");
  }

  @Test
  void refusesAClientWithoutRolesOrAudiences() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DemoClient("demo-x", null, List.of(), null, null, null));
    DemoClient police = new DemoClient("demo-police", null, List.of("POLICE"), null, null, null);
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityProviderProperties(
        ISSUER, null, "{noop}s", List.of(), List.of(police)));
  }
}
