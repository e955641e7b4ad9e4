package org.safebed.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browsers ask every site for {@code /favicon.ico} by themselves, alongside the page's own requests
 * and with its cookies. SafeBed has no icon; the request is answered here, before security, so it
 * never reaches the sign-in session: it cannot create, renew, change or end one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class Favicon implements WebFilter {

  static final String PATH = "/favicon.ico";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!PATH.equals(exchange.getRequest().getPath().value())) {
      return chain.filter(exchange);
    }
    return Problems.write(exchange.getResponse(), HttpStatus.NOT_FOUND, ErrorDetails.NOT_FOUND);
  }
}
