package org.safebed.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a Prometheus scrape tells of an outbound circuit breaker's state. */
public final class BreakerMetrics {

  private static final Pattern STATE_LINE =
      Pattern.compile("(?m)^resilience4j_circuitbreaker_state\\{([^}]*)} (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private BreakerMetrics() {}

  /**
   * The breaker's {@code resilience4j_circuitbreaker_state} values by state ({@code closed=1.0,
   * open=0.0, ...}), whatever other labels Resilience4j adds; empty when the breaker is not scraped.
   */
  public static Map<String, Double> states(String scrape, String name) {
    Map<String, Double> states = new TreeMap<>();
    Matcher line = STATE_LINE.matcher(scrape);
    while (line.find()) {
      Map<String, String> labels = new TreeMap<>();
      Matcher label = LABEL.matcher(line.group(1));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      if (name.equals(labels.get("name"))) {
        states.put(labels.get("state"), Double.parseDouble(line.group(2)));
      }
    }
    return states;
  }

  /**
   * Whether the scrape shows the breaker in exactly one state: closed, open and half-open among its
   * states, each 0 or 1, one of them 1. Which one depends on what the application met before.
   */
  public static boolean inOneState(String scrape, String name) {
    Map<String, Double> states = states(scrape, name);
    return states.keySet().containsAll(List.of("closed", "open", "half_open"))
        && states.values().stream().allMatch(value -> value == 0.0 || value == 1.0)
        && states.values().stream().mapToDouble(Double::doubleValue).sum() == 1.0;
  }
}
