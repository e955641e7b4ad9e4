package org.safebed.identity.limit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed client authentications the token, introspection and revocation endpoints take
 * before they refuse for a while.
 *
 * @param maxPerClient failures allowed for one client id in one window; the next request answers 429
 * @param maxPerAddress failures allowed from one remote address in one window (higher: several
 *     clients may share an address)
 * @param window how long failures are remembered, counted from the first of them
 * @param maxTracked keys remembered before expired ones are dropped
 */
@ConfigurationProperties("safebed.identity.failed-authentication")
public record FailedAuthenticationLimit(
    Integer maxPerClient, Integer maxPerAddress, Duration window, Integer maxTracked) {

  public FailedAuthenticationLimit {
    maxPerClient = maxPerClient == null ? 10 : maxPerClient;
    maxPerAddress = maxPerAddress == null ? 30 : maxPerAddress;
    window = window == null ? Duration.ofMinutes(5) : window;
    maxTracked = maxTracked == null ? 100_000 : maxTracked;
    if (maxPerClient < 1 || maxPerAddress < 1 || !window.isPositive() || maxTracked < 1) {
      throw new IllegalArgumentException("safebed.identity.failed-authentication needs positive "
          + "max-per-client, max-per-address, window and max-tracked");
    }
  }
}
