package org.safebed.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityProviderPropertiesTest {

  private static final URI ISSUER = URI.create("http://localhost:9000");
  private static final URI CALLBACK = URI.create("http://localhost:8080/login/oauth2/code/safebed");

  @Test
  void clientsWithoutOwnValuesGetTheDefaults() {
    DemoClient police = new DemoClient("demo-police", null, List.of("POLICE"), null, null, null);
    DemoClient service = new DemoClient(
        "transport-service", "{noop}other", List.of("SERVICE"), null, null, List.of("safebed-transport"));
    IdentityProviderProperties properties = new IdentityProviderProperties(
        ISSUER, null, "{noop}demo-secret", List.of("safebed-gateway"), List.of(police, service), null, null, null);

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
            ISSUER, null, "{noop}s", List.of("safebed-gateway"), List.of(police, police), null, null, null))
        .withMessageContaining("demo-police");
  }

  @Test
  void refusesAClientWithoutRolesOrAudiences() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DemoClient("demo-x", null, List.of(), null, null, null));
    DemoClient police = new DemoClient("demo-police", null, List.of("POLICE"), null, null, null);
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityProviderProperties(
        ISSUER, null, "{noop}s", List.of(), List.of(police), null, null, null));
  }

  @Test
  void consoleUsersGetTheDefaultPasswordAndAudiencesAndTheClientTheDefaultSecret() {
    DemoUser manager = new DemoUser("shelter-manager", null, List.of("SHELTER_MANAGER"),
        List.of("shelter-south-2"), null);
    DemoUser police = new DemoUser("police", "{noop}own", List.of("POLICE"), null, "police-demo");
    ConsoleLogin console = new ConsoleLogin(null, null, List.of(CALLBACK), "{noop}demo-password",
        List.of(manager, police));
    IdentityProviderProperties properties = new IdentityProviderProperties(
        ISSUER, null, "{noop}demo-secret", List.of("safebed-gateway"), List.of(), console, null, null);

    assertThat(console.clientId()).isEqualTo("safebed-console");
    assertThat(properties.consoleSecret()).isEqualTo("{noop}demo-secret");
    assertThat(console.passwordOf(manager)).isEqualTo("{noop}demo-password");
    assertThat(console.passwordOf(police)).isEqualTo("{noop}own");
    assertThat(properties.audiencesOf(manager)).containsExactly("safebed-gateway");
  }

  @Test
  void refusesConsoleUsersWithoutACallbackOrTwice() {
    DemoUser police = new DemoUser("police", null, List.of("POLICE"), null, null);

    assertThatIllegalArgumentException().isThrownBy(
            () -> new ConsoleLogin(null, null, List.of(), "{noop}p", List.of(police)))
        .withMessageContaining("redirect-uris");
    assertThatIllegalArgumentException().isThrownBy(
            () -> new ConsoleLogin(null, null, List.of(CALLBACK), "{noop}p", List.of(police, police)))
        .withMessageContaining("police");
    assertThatIllegalArgumentException().isThrownBy(() -> new ConsoleLogin(
        null, null, List.of(URI.create("/login/oauth2/code/safebed")), "{noop}p", List.of(police)));
    assertThatIllegalArgumentException().isThrownBy(
        () -> new ConsoleLogin(null, null, List.of(CALLBACK), null, List.of(police)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new DemoUser("nobody", null, List.of(), null, null));
  }

  @Test
  void refusesAConsoleClientThatIsAlsoAMachineClient() {
    DemoClient police = new DemoClient("demo-police", null, List.of("POLICE"), null, null, null);
    ConsoleLogin console = new ConsoleLogin("demo-police", null, List.of(CALLBACK), "{noop}p",
        List.of(new DemoUser("police", null, List.of("POLICE"), null, null)));

    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityProviderProperties(
            ISSUER, null, "{noop}s", List.of("safebed-gateway"), List.of(police), console, null, null))
        .withMessageContaining("demo-police");
  }

  @Test
  void loadTestAccountsAreNumberedPoliceAndDriversWithTheDefaults() {
    IdentityProviderProperties properties = new IdentityProviderProperties(ISSUER, null, "{noop}demo-secret",
        List.of("safebed-gateway"), List.of(), null, new LoadTestAccounts(5), new LoadTestAccounts(2));

    DemoClient police = properties.loadTestAccount("load-police-3").orElseThrow();
    assertThat(police.roles()).containsExactly("POLICE");
    assertThat(police.agencyId()).isEqualTo("police-load-test");
    assertThat(properties.secretOf(police)).isEqualTo("{noop}demo-secret");
    assertThat(properties.audiencesOf(police)).containsExactly("safebed-gateway");
    assertThat(properties.loadTestAccount("load-police-5")).isPresent();
    assertThat(properties.loadTestAccount("load-driver-2").orElseThrow().roles()).containsExactly("DRIVER");
    assertThat(properties.loadTestAccount("load-driver-2").orElseThrow().agencyId()).isNull();
    // Only 1..count, each under one spelling.
    for (String other : List.of("load-police-6", "load-police-0", "load-police-03", "load-police-+3", "load-police-",
        "load-police-3x", "load-police-99999999999", "load-driver-3", "demo-police")) {
      assertThat(properties.loadTestAccount(other)).as(other).isEmpty();
    }
  }

  @Test
  void noLoadTestAccountsUnlessConfigured() {
    IdentityProviderProperties properties = new IdentityProviderProperties(ISSUER, null, "{noop}demo-secret",
        List.of("safebed-gateway"), List.of(), null, null, null);

    assertThat(properties.loadTestPolice().count()).isZero();
    assertThat(properties.loadTestAccount("load-police-1")).isEmpty();
    assertThat(properties.loadTestAccount("load-driver-1")).isEmpty();
    assertThatIllegalArgumentException().isThrownBy(() -> new LoadTestAccounts(-1));
  }

  @Test
  void theLoadTestAccountsNamesAreKeptForThem() {
    DemoClient listed = new DemoClient("load-police-1", null, List.of("POLICE"), null, "elsewhere", null);

    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityProviderProperties(
            ISSUER, null, "{noop}s", List.of("safebed-gateway"), List.of(listed), null, null, null))
        .withMessageContaining("load-police-1");
  }
}
