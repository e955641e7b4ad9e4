package org.safebed.gateway.web;

import java.time.Duration;
import java.util.List;
import org.safebed.gateway.config.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS, deny by default: a browser request from another origin (and its preflight) is answered
 * here, before authentication, and only origins listed in {@code safebed.gateway.cors.allowed-origins}
 * get the headers that let the browser read the answer; any other origin gets a 403 problem and its
 * request never reaches a service. Same-origin requests and clients without an {@code Origin}
 * (apps, services) pass unchanged. No credentials mode: the console's session cookie works for the
 * console's own origin only; a page on another origin must send a bearer token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class CrossOriginRules implements WebFilter {

  static final String REFUSED = "This origin may not call the SafeBed API.";

  private final CorsConfiguration configuration;
  private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

  public CrossOriginRules(GatewayProperties properties) {
    this.configuration = configuration(properties.cors().allowedOrigins());
  }

  static CorsConfiguration configuration(List<String> allowedOrigins) {
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOrigins(allowedOrigins);
    configuration.setAllowedMethods(List.of(
        HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name()));
    configuration.setAllowedHeaders(List.of(
        HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Idempotency-Key",
        "Last-Event-ID"));
    configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
    configuration.setAllowCredentials(false);
    configuration.setMaxAge(Duration.ofMinutes(10));
    return configuration;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
      return chain.filter(exchange);
    }
    if (!processor.process(configuration, exchange)) {
      return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, REFUSED);
    }
    if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
      exchange.getResponse().setStatusCode(HttpStatus.OK);
      return exchange.getResponse().setComplete();
    }
    return chain.filter(exchange);
  }
}
