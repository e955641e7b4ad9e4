package org.safebed.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.safebed.gateway.config.GatewayProperties;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Deny by default: without configured origins no cross-origin call passes, same-origin ones do. */
class CrossOriginRulesTest {

  private final AtomicBoolean passed = new AtomicBoolean();
  private final WebFilterChain chain = exchange -> {
    passed.set(true);
    return Mono.empty();
  };

  private static GatewayProperties properties(List<String> origins) {
    return new GatewayProperties(null, null, null, null, new GatewayProperties.Cors(origins), null);
  }

  @Test
  void withNoOriginConfiguredEveryCrossOriginCallIsRefused() {
    CrossOriginRules rules = new CrossOriginRules(properties(null));
    MockServerWebExchange preflight = MockServerWebExchange.from(
        MockServerHttpRequest.options("http://gateway.test/api/shelters")
            .header("Origin", "https://console.safebed.example")
            .header("Access-Control-Request-Method", "GET"));
    MockServerWebExchange call = MockServerWebExchange.from(
        MockServerHttpRequest.get("http://gateway.test/api/shelters").header("Origin", "https://evil.example"));

    rules.filter(preflight, chain).block();
    rules.filter(call, chain).block();

    assertThat(passed).isFalse();
    for (MockServerWebExchange refused : List.of(preflight, call)) {
      assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(403);
      assertThat(refused.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
      assertThat(refused.getResponse().getBodyAsString().block()).contains(CrossOriginRules.REFUSED);
    }
  }

  @Test
  void sameOriginAndOriginlessCallsPass() {
    CrossOriginRules rules = new CrossOriginRules(properties(List.of("")));

    rules.filter(MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway.test/api/shelters")
        .header("Origin", "http://gateway.test")), chain).block();
    assertThat(passed).isTrue();
    passed.set(false);
    rules.filter(MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway.test/api/shelters")), chain)
        .block();
    assertThat(passed).isTrue();
  }

  @Test
  void originPatternsAreNotAccepted() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> properties(List.of("https://*.example")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheMethodsTheApiUsesAreAllowed() {
    assertThat(CrossOriginRules.configuration(List.of("https://console.safebed.example")).getAllowedMethods())
        .containsExactlyInAnyOrder(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name());
  }
}
