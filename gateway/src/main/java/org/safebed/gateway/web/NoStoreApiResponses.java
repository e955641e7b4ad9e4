package org.safebed.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * API answers (placements, shelters, referrals) must not be kept by any cache, whatever the service
 * said. Set just before the response is committed, so it also covers fallback and error answers;
 * a gateway route filter would run after a fallback has already committed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class NoStoreApiResponses implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
      exchange.getResponse().beforeCommit(() -> {
        exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return Mono.empty();
      });
    }
    return chain.filter(exchange);
  }
}
