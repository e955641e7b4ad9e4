package org.safebed.platform.web.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identity provider's token endpoint as WireMock plays it. */
class ServiceAccessTokenIT {

  private static final String TOKEN_PATH = "/oauth2/token";
  private static final Duration LIMIT = Duration.ofMillis(500);

  private static WireMockServer provider;

  @BeforeAll
  static void start() {
    provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    provider.start();
  }

  @AfterAll
  static void stop() {
    provider.stop();
  }

  @BeforeEach
  void reset() {
    provider.resetAll();
  }

  @Test
  void theTokenIsAskedForAsTheServiceOnceAndKeptWhileValid() {
    issues("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    ServiceAccessToken token = token(null, null);

    assertThat(token.current()).isEqualTo("tok-1");
    assertThat(token.current()).isEqualTo("tok-1");

    provider.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withHeader("Authorization", equalTo("Basic " + basic("some-service", "s3cret")))
        .withFormParam("grant_type", equalTo("client_credentials"))
        .withFormParam("scope", absent()));
  }

  @Test
  void aTokenAboutToExpireIsNotUsedButAskedForAgain() {
    // Inside the minute before expiry that a token is renewed in.
    issues("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":30}");
    ServiceAccessToken token = token(null, null);

    token.current();
    token.current();

    provider.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aDiscardedTokenIsReplacedOnTheNextCall() {
    provider.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("Started")
        .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":300}"))
        .willSetStateTo("second"));
    provider.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
        .willReturn(okJson("{\"access_token\":\"tok-2\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
    ServiceAccessToken token = token(null, null);
    assertThat(token.current()).isEqualTo("tok-1");

    token.discard();

    assertThat(token.current()).isEqualTo("tok-2");
  }

  @Test
  void theScopesAskedForAreSentSpaceSeparated() {
    issues("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":300}");

    token(" addresses.read  jobs.write ", null).current();

    provider.verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withFormParam("scope", equalTo("addresses.read jobs.write")));
  }

  @Test
  void anAnswerWithoutATokenIsAFailureNeverAnEmptyToken() {
    issues("{\"token_type\":\"Bearer\",\"expires_in\":300}");

    assertThatThrownBy(() -> token(null, null).current()).isInstanceOf(RuntimeException.class);
  }

  @Test
  void underAGuardAFailingEndpointIsAskedOnceACallAndThenNotAtAllWhileTheBreakerIsOpen() {
    provider.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
    OutboundGuard guard = guard();
    ServiceAccessToken token = token(null, guard);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(token::current).isInstanceOf(RuntimeException.class);
    }
    assertThat(guard.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThatThrownBy(token::current).isInstanceOf(RuntimeException.class);

    provider.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void underAGuardASlowEndpointIsCutOffAtItsTimeLimit() {
    provider.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(
        okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":300}").withFixedDelay(4_000)));
    ServiceAccessToken token = token(null, guard());

    long started = System.nanoTime();
    assertThatThrownBy(token::current).isInstanceOf(RuntimeException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    provider.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  private static void issues(String answer) {
    provider.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(okJson(answer)));
  }

  private static ServiceAccessToken token(String scope, OutboundGuard guard) {
    return new ServiceAccessToken(provider.baseUrl() + TOKEN_PATH, "some-service", "s3cret", scope,
        OutboundHttp.timeLimited(LIMIT), guard);
  }

  /** Opens after two failed token requests of two; never retries (the grant is a POST). */
  private static OutboundGuard guard() {
    return new OutboundGuard("service-token", CircuitBreakerRegistry.ofDefaults(),
        new OutboundGuard.Settings(LIMIT, 1, null, 50f, 2, 2, Duration.ofMinutes(1), 1), e -> true);
  }

  private static String basic(String id, String secret) {
    return Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
