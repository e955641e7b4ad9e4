package org.safebed.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself answers (no route, body too large, upstream unreachable without a
 * circuit breaker, bugs) becomes problem+json with a fixed detail. Runs before Boot's handler,
 * which would answer plain JSON with the exception's message.
 */
@Component
@Order(-2)
public class ProblemJsonErrors implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrors.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    HttpStatusCode status = error instanceof ResponseStatusException statusError
        ? statusError.getStatusCode()
        : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is5xxServerError()) {
      // The class is enough to diagnose; messages and paths can carry request data.
      log.warn("Gateway answered {} after {}", status.value(), error.getClass().getName());
    }
    return Problems.write(exchange.getResponse(), status, ErrorDetails.forStatus(status));
  }
}
