package org.safebed.gateway.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Where the routes' circuit breakers forward when a service fails, times out, answers 5xx or the
 * breaker is open: a 503 problem that never includes the upstream's body.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceUnavailableFallback {

  /** The {@code fallbackUri} of every route ({@code forward:} + this path). */
  public static final String PATH = "/_gateway/fallback/service-unavailable";

  private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

  @Bean
  RouterFunction<ServerResponse> serviceUnavailableRoute() {
    return RouterFunctions.route(RequestPredicates.path(PATH), ServiceUnavailableFallback::answer);
  }

  private static Mono<ServerResponse> answer(ServerRequest request) {
    Route route = request.exchange().getAttribute(GATEWAY_ROUTE_ATTR);
    Throwable cause = request.exchange().getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    log.warn("Service of route {} unavailable: {}",
        route != null ? route.getId() : "unknown",
        cause != null ? cause.getClass().getName() : "error status");
    return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(Problems.body(HttpStatus.SERVICE_UNAVAILABLE, ErrorDetails.UNAVAILABLE));
  }
}
