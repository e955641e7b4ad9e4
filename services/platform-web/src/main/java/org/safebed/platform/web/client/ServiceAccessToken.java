package org.safebed.platform.web.client;

import java.util.concurrent.Callable;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * This service's own access token (OAuth2 client-credentials grant), through Spring Security's
 * OAuth2 client: kept until shortly before it expires, asked for again once a resource server
 * refused it. Neither the token nor the secret is ever logged. Shared by the services that call
 * another one as themselves (shelter occupancy for travel estimates, rental referral for safety
 * constraints, transport for destinations).
 */
public final class ServiceAccessToken {

  private static final String REGISTRATION = "safebed-identity-provider";

  private final InMemoryOAuth2AuthorizedClientService issued;
  private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
  private final String clientId;

  /** @param requests carries the time limits of the calls the token is for */
  public ServiceAccessToken(String tokenUri, String clientId, String clientSecret, ClientHttpRequestFactory requests) {
    this(tokenUri, clientId, clientSecret, null, requests, null);
  }

  /**
   * @param scope the scopes to ask for, space-separated (RFC 6749 §3.3); null or blank for the
   *     client's default
   * @param requests carries the time limits of the token requests
   * @param guard runs each token request, under its own breaker (give it no retry: the grant is a
   *     POST); null to run them as they are
   */
  public ServiceAccessToken(
      String tokenUri, String clientId, String clientSecret, String scope, ClientHttpRequestFactory requests,
      OutboundGuard guard) {
    ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientId(clientId)
        .clientSecret(clientSecret)
        .tokenUri(tokenUri);
    if (scope != null && !scope.isBlank()) {
      registration.scope(scope.strip().split("\\s+"));
    }
    InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration.build());
    RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
    // As Spring Security's own default, but with the time limits of this service's calls.
    tokenEndpoint.setRestClient(RestClient.builder()
        .requestFactory(requests)
        .configureMessageConverters(converters -> converters
            .addCustomConverter(new FormHttpMessageConverter())
            .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
        .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
        .build());
    this.issued = new InMemoryOAuth2AuthorizedClientService(registrations);
    this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, issued);
    manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
        .clientCredentials(grant -> grant.accessTokenResponseClient(
            guard == null ? tokenEndpoint : request -> guarded(guard, () -> tokenEndpoint.getTokenResponse(request))))
        .build());
    this.clientId = clientId;
  }

  /** The current token, fetched when there is none or it is about to expire. */
  public String current() {
    // The service acts as itself: one token for all requests, whoever made them.
    OAuth2AuthorizedClient client = manager.authorize(
        OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(clientId).build());
    if (client == null) {
      throw new IllegalStateException("no access token was issued");
    }
    return client.getAccessToken().getTokenValue();
  }

  /** A resource server refused the token: the next call asks for a new one. */
  public void discard() {
    issued.removeAuthorizedClient(REGISTRATION, clientId);
  }

  private static OAuth2AccessTokenResponse guarded(OutboundGuard guard, Callable<OAuth2AccessTokenResponse> request) {
    try {
      return guard.call(request);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      // A time-out: named by its type, like every failure of a token request.
      throw new IllegalStateException("token request failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
