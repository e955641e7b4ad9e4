package org.safebed.identity.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safebed.identity.config.ConsoleLogin;
import org.safebed.identity.config.DemoClient;
import org.safebed.identity.config.IdentityProviderProperties;
import org.safebed.identity.config.SafeBedAccount;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The demo accounts as OAuth2 clients, and their SafeBed attributes by client id; plus the web
 * console's client, through which the demo people sign in, and the load-test accounts when some
 * are configured (made when asked for, see {@link org.safebed.identity.config.LoadTestAccounts}).
 */
public final class DemoClientRegistrations {

  private final IdentityProviderProperties properties;
  private final Map<String, DemoClient> byId;

  public DemoClientRegistrations(IdentityProviderProperties properties) {
    this.properties = properties;
    this.byId = properties.clients().stream()
        .collect(Collectors.toUnmodifiableMap(DemoClient::id, Function.identity()));
  }

  /** The client the token is being issued to, if it is one of the demo or load-test accounts. */
  public Optional<DemoClient> find(String clientId) {
    return Optional.ofNullable(byId.get(clientId)).or(() -> properties.loadTestAccount(clientId));
  }

  /** The audiences the account's tokens carry. */
  public List<String> audiencesOf(SafeBedAccount account) {
    return properties.audiencesOf(account);
  }

  /** A read-only repository of all demo clients; fails when there are none. */
  public RegisteredClientRepository repository() {
    if (byId.isEmpty()) {
      throw new IllegalStateException("safebed.identity.clients is empty: no one could get a token");
    }
    List<RegisteredClient> clients = new ArrayList<>(
        properties.clients().stream().map(this::registration).toList());
    if (properties.console().enabled()) {
      clients.add(consoleRegistration(properties.console()));
    }
    return new FixedClientRepository(clients,
        clientId -> properties.loadTestAccount(clientId).map(this::registration).orElse(null));
  }

  /**
   * The gateway signing people in to the console: a confidential client, so the tokens stay on the
   * server; PKCE on top of the secret, so a code caught on its way back is worth nothing without
   * the verifier in the gateway's session. No consent page: the console is SafeBed's own.
   */
  private RegisteredClient consoleRegistration(ConsoleLogin console) {
    RegisteredClient.Builder builder = RegisteredClient.withId(console.clientId())
        .clientId(console.clientId())
        .clientSecret(properties.consoleSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .scope(OidcScopes.OPENID)
        .clientSettings(ClientSettings.builder()
            .requireProofKey(true)
            .requireAuthorizationConsent(false)
            .build())
        .tokenSettings(TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(properties.accessTokenTtl())
            // A stolen refresh token is useless once the gateway has used it.
            .reuseRefreshTokens(false)
            .build());
    for (URI redirectUri : console.redirectUris()) {
      builder.redirectUri(redirectUri.toString());
    }
    return builder.build();
  }

  private RegisteredClient registration(DemoClient client) {
    return RegisteredClient.withId(client.id())
        .clientId(client.id())
        .clientSecret(properties.secretOf(client))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        // A machine client has no one to ask for consent.
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .tokenSettings(TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(properties.accessTokenTtl())
            .build())
        .build();
  }
}
