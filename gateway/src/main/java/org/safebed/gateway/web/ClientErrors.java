package org.safebed.gateway.web;

import java.util.function.Predicate;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.channel.AbortedException;

/**
 * The errors inside a route that are the client's doing, which the routes' circuit breakers ignore
 * ({@code resilience4j.circuitbreaker.configs.default.ignore-exception-predicate}): a breaker must
 * open only on the service's own failures (5xx, time-outs, refused connections), or one caller's
 * mistakes would take a route away from everyone. A 4xx answer from a service is not an error at
 * all (the routes record 5xx only); these are 4xx refusals raised inside the gateway and a client
 * that hung up while its request was on the way.
 */
public final class ClientErrors implements Predicate<Throwable> {

  @Override
  public boolean test(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResponseStatusException refusal && refusal.getStatusCode().is4xxClientError()) {
        return true;
      }
      if (cause instanceof AbortedException) {
        return true;
      }
    }
    return false;
  }
}
