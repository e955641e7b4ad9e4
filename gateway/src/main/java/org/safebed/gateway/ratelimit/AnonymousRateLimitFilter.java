package org.safebed.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.safebed.gateway.config.GatewayProperties;
import org.safebed.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits unauthenticated traffic per remote address, before the security filters spend anything
 * on it: a request without credentials spends one request of the address's budget up front, and a
 * request whose credentials are refused (401) spends one afterwards. Once the budget is spent,
 * every request from that address is refused with 429, valid-looking credentials or not, until it
 * refills: so nobody can try tokens or hammer the sign-in endpoints at full speed. Authenticated
 * requests cost nothing here ({@link RateLimitFilter} limits them per user).
 */
public final class AnonymousRateLimitFilter implements WebFilter {

  private final UserRateLimiter addresses;
  private final String sessionCookie;

  public AnonymousRateLimitFilter(UserRateLimiter addresses, String sessionCookie) {
    this.addresses = addresses;
    this.sessionCookie = sessionCookie;
  }

  public static AnonymousRateLimitFilter of(GatewayProperties properties, String sessionCookie) {
    return new AnonymousRateLimitFilter(
        new UserRateLimiter(properties.anonymousRateLimit(), System::nanoTime), sessionCookie);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String address = addressOf(exchange);
    if (!carriesCredentials(exchange)) {
      Duration wait = addresses.tryAcquire(address);
      return wait.isZero() ? chain.filter(exchange) : tooManyRequests(exchange, wait);
    }
    Duration wait = addresses.waitBeforeNext(address);
    if (!wait.isZero()) {
      return tooManyRequests(exchange, wait);
    }
    exchange.getResponse().beforeCommit(() -> {
      if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
        addresses.tryAcquire(address);
      }
      return Mono.empty();
    });
    return chain.filter(exchange);
  }

  private boolean carriesCredentials(ServerWebExchange exchange) {
    return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
        || exchange.getRequest().getCookies().containsKey(sessionCookie);
  }

  /** The client's IP address alone: its port changes with every connection. */
  private static String addressOf(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
  }

  private static Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration wait) {
    RateLimitedRequests.mark(exchange, RateLimitedRequests.Limit.ANONYMOUS);
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
        "Too many unauthenticated requests from this address. Retry after the time in Retry-After.");
  }
}
