package org.safebed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safebed.identity.config.DemoClient;
import org.safebed.identity.config.DemoUser;
import org.safebed.identity.config.IdentityProviderProperties;
import org.safebed.identity.config.SafeBedAccount;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm of docker-compose ({@code infra/keycloak/safebed-realm.json}) gives the same
 * accounts, roles, shelters, agencies and audiences as this provider, so a token means the same
 * thing to the services whichever provider issued it.
 */
class RealmMirrorsLocalProviderTest {

  private static final Path REALM = Path.of("..", "keycloak", "safebed-realm.json");

  private static IdentityProviderProperties local;
  private static JsonNode realm;

  @BeforeAll
  static void load() throws IOException {
    List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
        .load("identity-provider", new ClassPathResource("identity-provider.yml"));
    local = new Binder(ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(yaml))
        .bind("safebed.identity", IdentityProviderProperties.class).get();
    realm = JsonMapper.builder().build().readTree(REALM.toFile());
  }

  @Test
  void everyMachineClientIsAServiceAccountWithTheSameClaims() {
    assertThat(local.clients()).isNotEmpty();
    for (DemoClient client : local.clients()) {
      JsonNode registration = find(realm.path("clients"), "clientId", client.id());
      assertThat(registration.path("serviceAccountsEnabled").asBoolean()).as(client.id()).isTrue();
      assertThat(registration.path("publicClient").asBoolean()).as(client.id()).isFalse();
      JsonNode account = find(realm.path("users"), "serviceAccountClientId", client.id());
      // Keycloak's sub of a client-credentials token is the service-account user's id.
      assertThat(account.path("id").asString()).as(client.id()).isEqualTo(client.id());
      assertSameClaims(client.id(), client, account, registration);
    }
  }

  @Test
  void everyConsoleUserExistsWithTheSameClaims() {
    assertThat(local.console().users()).isNotEmpty();
    JsonNode console = find(realm.path("clients"), "clientId", local.console().clientId());
    for (DemoUser user : local.console().users()) {
      JsonNode person = find(realm.path("users"), "username", user.username());
      assertThat(person.path("enabled").asBoolean()).isTrue();
      // Keycloak's sub is the user's id, the local provider's the user name: they must be one, or
      // the services (transport links a driver's person account by it) would see two people.
      assertThat(person.path("id").asString()).as(user.username() + " sub").isEqualTo(user.username());
      assertSameClaims(user.username(), user, person, console);
    }
  }

  @Test
  void theConsoleClientIsConfidentialWithPkceAndTheGatewaysCallbackOnly() {
    JsonNode console = find(realm.path("clients"), "clientId", local.console().clientId());

    assertThat(console.path("publicClient").asBoolean()).isFalse();
    assertThat(console.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
    assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
    assertThat(console.path("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(console.path("serviceAccountsEnabled").asBoolean()).isFalse();
    assertThat(console.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
    assertThat(texts(console.path("redirectUris")))
        .containsExactlyElementsOf(local.console().redirectUris().stream().map(Object::toString).toList());
  }

  private static void assertSameClaims(String who, SafeBedAccount expected, JsonNode account, JsonNode client) {
    assertThat(texts(account.path("realmRoles"))).as(who + " roles").containsExactlyElementsOf(expected.roles());
    assertThat(texts(account.path("attributes").path("shelter_ids"))).as(who + " shelter_ids")
        .containsExactlyElementsOf(expected.shelterIds());
    List<String> agency = texts(account.path("attributes").path("agency_id"));
    assertThat(agency).as(who + " agency_id")
        .containsExactlyElementsOf(expected.agencyId() == null ? List.of() : List.of(expected.agencyId()));
    List<String> scopes = texts(client.path("defaultClientScopes"));
    assertThat(scopes).as(who + " scopes").contains("safebed-claims");
    assertThat(audiencesOf(scopes)).as(who + " aud")
        .containsExactlyInAnyOrderElementsOf(local.audiencesOf(expected));
  }

  /** The audiences the client's default scopes add to its access tokens. */
  private static Set<String> audiencesOf(List<String> scopes) {
    Set<String> audiences = new TreeSet<>();
    for (String scope : scopes) {
      for (JsonNode mapper : find(realm.path("clientScopes"), "name", scope).path("protocolMappers")) {
        if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asString())
            && mapper.path("config").path("access.token.claim").asBoolean()) {
          audiences.add(mapper.path("config").path("included.custom.audience").asString());
        }
      }
    }
    return audiences;
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .filter(node -> value.equals(node.path(field).asString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("realm has no entry with " + field + " = " + value));
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }
}
