package org.safebed.gateway.console;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway as the console's OAuth2 client (backend for frontend): it signs people in with the
 * authorization-code grant and PKCE, keeps their tokens in the server-side session and refreshes
 * them there, so no token ever reaches the browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class ConsoleSignInConfig {

  /**
   * The registrations of {@code spring.security.oauth2.client}, plus what Boot's properties cannot
   * say without a discovery call at start-up: the issuer every ID token must name (the same one
   * the resource server checks access tokens against) and PKCE on top of the client secret, so a
   * code caught on its way back is worthless without the verifier kept in the session.
   */
  @Bean
  ReactiveClientRegistrationRepository clientRegistrationRepository(
      OAuth2ClientProperties properties,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
    List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties)
        .asClientRegistrations().values().stream()
        .map(registration -> ClientRegistration.withClientRegistration(registration)
            .issuerUri(issuer)
            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .build())
        .toList();
    return new InMemoryReactiveClientRegistrationRepository(registrations);
  }

  /**
   * Tokens live in the person's own session: signing out or the session's expiry drops them, and
   * two sessions of the same person never share them (Boot's default keys them by user name).
   */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /** Hands out a session's access token, refreshing it when it is about to expire. */
  @Bean
  ReactiveOAuth2AuthorizedClientManager authorizedClientManager(
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    DefaultReactiveOAuth2AuthorizedClientManager manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
        .authorizationCode()
        .refreshToken()
        .build());
    return manager;
  }

  /**
   * Asks the provider to check the password at every sign-in ({@code prompt=login}) instead of
   * reusing its own single sign-on session: consoles sit on shared desks, and after one person
   * signs out of the console the next must not be signed in silently as her.
   */
  @Bean
  ServerOAuth2AuthorizationRequestResolver signInRequests(ReactiveClientRegistrationRepository registrations) {
    DefaultServerOAuth2AuthorizationRequestResolver resolver =
        new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    resolver.setAuthorizationRequestCustomizer(request -> request.additionalParameters(
        parameters -> parameters.put("prompt", "login")));
    return resolver;
  }

  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> signedInPeople(ReactiveJwtDecoder accessTokens) {
    return new SignedInPeople(accessTokens);
  }
}
