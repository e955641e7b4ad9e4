package org.safebed.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code safebed.gateway.rate.limited} (Prometheus {@code safebed_gateway_rate_limited_total}):
 * requests refused with 429, by {@code limit} ({@code account}, {@code anonymous}); never the
 * account or the address. The limit filters mark the exchange they refuse; this filter, around
 * them, counts the marks.
 */
public final class RateLimitedRequests implements WebFilter {

  public static final String METRIC = "safebed.gateway.rate.limited";

  /** Which limit refused a request. */
  public enum Limit {
    /** A signed-in account's budget ({@link RateLimitFilter}). */
    ACCOUNT,
    /** Requests without (valid) credentials from one address ({@link AnonymousRateLimitFilter}). */
    ANONYMOUS
  }

  private static final String ATTRIBUTE = RateLimitedRequests.class.getName() + ".limit";

  private final Map<Limit, Counter> counters = new EnumMap<>(Limit.class);

  public RateLimitedRequests(MeterRegistry registry) {
    for (Limit limit : Limit.values()) {
      counters.put(limit, Counter.builder(METRIC)
          .description("Requests refused (429) by a rate limit of the gateway")
          .tag("limit", limit.name().toLowerCase(Locale.ROOT))
          .register(registry));
    }
  }

  /** Called by a limit filter on the exchange it refuses. */
  static void mark(ServerWebExchange exchange, Limit limit) {
    exchange.getAttributes().put(ATTRIBUTE, limit);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return chain.filter(exchange).doFinally(signal -> {
      if (exchange.getAttribute(ATTRIBUTE) instanceof Limit limit) {
        counters.get(limit).increment();
      }
    });
  }
}
