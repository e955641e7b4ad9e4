package org.safebed.identity.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the embedded provider issues and to whom.
 *
 * @param issuer the {@code iss} of every token; services and the gateway validate it
 * @param accessTokenTtl lifetime of an access token
 * @param defaultSecret secret of every client that names none ({@code {noop}…} for the demo)
 * @param defaultAudiences {@code aud} of every client that names none
 * @param clients the demo machine accounts (client credentials)
 * @param console the web console's client and the people who sign in to it
 * @param loadTestPolice {@code load-police-1..count}: police accounts for load tests, off by default
 * @param loadTestDrivers {@code load-driver-1..count}: driver accounts for load tests, off by default
 */
@ConfigurationProperties("safebed.identity")
public record IdentityProviderProperties(
    URI issuer,
    Duration accessTokenTtl,
    String defaultSecret,
    List<String> defaultAudiences,
    List<DemoClient> clients,
    ConsoleLogin console,
    LoadTestAccounts loadTestPolice,
    LoadTestAccounts loadTestDrivers) {

  public IdentityProviderProperties {
    require(issuer != null, "safebed.identity.issuer must be set");
    accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
    require(!accessTokenTtl.isNegative() && !accessTokenTtl.isZero(),
        "safebed.identity.access-token-ttl must be positive");
    defaultAudiences = defaultAudiences == null ? List.of() : List.copyOf(defaultAudiences);
    clients = clients == null ? List.of() : List.copyOf(clients);
    Set<String> ids = new HashSet<>();
    for (DemoClient client : clients) {
      require(ids.add(client.id()), "safebed.identity.clients has " + client.id() + " twice");
      require(!LoadTestAccounts.isReserved(client.id()),
          "client " + client.id() + " has a name kept for the load-test accounts");
      require(client.secret() != null || defaultSecret != null,
          "client " + client.id() + " has no secret and there is no default-secret");
      require(!client.audiences().isEmpty() || !defaultAudiences.isEmpty(),
          "client " + client.id() + " has no audiences and there are no default-audiences");
    }
    console = console == null ? ConsoleLogin.none() : console;
    require(!console.enabled() || !defaultAudiences.isEmpty(),
        "the console's users need default-audiences");
    require(!console.enabled() || console.secret() != null || defaultSecret != null,
        "the console client has no secret and there is no default-secret");
    require(!console.enabled() || !ids.contains(console.clientId()),
        "the console client " + console.clientId() + " is also a demo client");
    require(!LoadTestAccounts.isReserved(console.clientId()),
        "the console client has a name kept for the load-test accounts");
    loadTestPolice = loadTestPolice == null ? LoadTestAccounts.NONE : loadTestPolice;
    loadTestDrivers = loadTestDrivers == null ? LoadTestAccounts.NONE : loadTestDrivers;
    require(loadTestPolice.count() == 0 && loadTestDrivers.count() == 0 || defaultSecret != null,
        "the load-test accounts need a default-secret");
    require(loadTestPolice.count() == 0 && loadTestDrivers.count() == 0 || !defaultAudiences.isEmpty(),
        "the load-test accounts need default-audiences");
  }

  /**
   * The load-test account with this client id, if it is one of those configured: police of the
   * agency {@value LoadTestAccounts#POLICE_AGENCY}, or drivers; the default secret and audiences.
   */
  public Optional<DemoClient> loadTestAccount(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return loadTestPolice.find(clientId, LoadTestAccounts.POLICE_PREFIX, List.of("POLICE"), LoadTestAccounts.POLICE_AGENCY)
        .or(() -> loadTestDrivers.find(clientId, LoadTestAccounts.DRIVER_PREFIX, List.of("DRIVER"), null));
  }

  /** The secret the client authenticates with, in {@code PasswordEncoder} form. */
  public String secretOf(DemoClient client) {
    return client.secret() != null ? client.secret() : defaultSecret;
  }

  /** The secret the console client (the gateway) authenticates with. */
  public String consoleSecret() {
    return console.secret() != null ? console.secret() : defaultSecret;
  }

  /** The audiences of the account's tokens. */
  public List<String> audiencesOf(SafeBedAccount account) {
    return account.audiences().isEmpty() ? defaultAudiences : account.audiences();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
