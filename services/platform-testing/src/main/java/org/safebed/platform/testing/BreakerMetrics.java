package org.safebed.platform.testing;

import java.util.regex.Pattern;

/** Lines of a Prometheus scrape that tell an outbound circuit breaker's state. */
public final class BreakerMetrics {

  private BreakerMetrics() {}

  /**
   * The line {@code resilience4j_circuitbreaker_state{..., name="<name>", ..., state="<state>", ...}
   * <value>}, whatever other labels Resilience4j adds (a group where its Spring Boot support binds
   * the metrics).
   */
  public static Pattern stateLine(String name, String state, double value) {
    return Pattern.compile("(?m)^resilience4j_circuitbreaker_state\\{([^}]*,)?name=\"" + Pattern.quote(name)
        + "\"(,[^}]*)?,state=\"" + Pattern.quote(state) + "\"(,[^}]*)?} " + Pattern.quote(Double.toString(value))
        + "$");
  }

  /** Whether the scrape shows the breaker closed (and so not open). */
  public static boolean showsClosed(String scrape, String name) {
    return stateLine(name, "closed", 1.0).matcher(scrape).find() && stateLine(name, "open", 0.0).matcher(scrape).find();
  }
}
