package org.safebed.platform.web.push;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payload-less Web Push to people's devices ({@code safebed.push}). Without VAPID keys push is off,
 * except with demo data, where a key pair is made at start (subscriptions then last until restart).
 *
 * @param vapid the application server's identity towards the push services
 * @param allowedHosts the push services devices may subscribe with, {@code https} only: a host, or
 *     {@code *.domain} for its subdomains. Anything else is refused: the endpoint is a URL a caller
 *     chooses and this service then calls (server-side request forgery).
 * @param testOrigins exact origins ({@code http://localhost:1234}) also allowed, for tests only
 * @param maxDevicesPerAccount subscriptions kept per account, the most recent ones
 * @param notifyOnRaise whether an urgent notification (ACTION_REQUIRED, CRITICAL) addressed to an
 *     account alerts that account's devices; off where the service alerts its own way (transport's offers)
 * @param breaker the guard around each push service call (one attempt: an alert is not repeated)
 */
@ConfigurationProperties("safebed.push")
public record PushProperties(
    Vapid vapid, List<String> allowedHosts, List<String> testOrigins, Integer maxDevicesPerAccount,
    Boolean notifyOnRaise, Breaker breaker) {

  public static final List<String> PUSH_SERVICES = List.of(
      "fcm.googleapis.com", "updates.push.services.mozilla.com", "*.push.services.mozilla.com",
      "*.notify.windows.com", "web.push.apple.com");

  public PushProperties {
    vapid = vapid == null ? new Vapid(null, null, null) : vapid;
    allowedHosts = allowedHosts == null || allowedHosts.isEmpty() ? PUSH_SERVICES : List.copyOf(allowedHosts);
    testOrigins = testOrigins == null ? List.of() : List.copyOf(testOrigins);
    maxDevicesPerAccount = maxDevicesPerAccount == null ? 5 : maxDevicesPerAccount;
    notifyOnRaise = notifyOnRaise == null || notifyOnRaise;
    breaker = breaker == null ? new Breaker(null, null, null, null, null, null) : breaker;
  }

  /** The same settings with another VAPID identity. */
  public PushProperties with(Vapid other) {
    return new PushProperties(other, allowedHosts, testOrigins, maxDevicesPerAccount, notifyOnRaise, breaker);
  }

  /**
   * @param publicKey the uncompressed P-256 point, base64url
   * @param privateKey the private scalar (32 bytes), base64url; a secret
   * @param subject a contact for the push services, {@code mailto:} or {@code https:}
   */
  public record Vapid(String publicKey, String privateKey, String subject) {

    public boolean configured() {
      return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
    }

    @Override
    public String toString() {
      return "Vapid[publicKey=" + publicKey + ", privateKey=<hidden>, subject=" + subject + "]";
    }
  }

  /**
   * The circuit breaker in front of the push services, and the time limit of one call.
   *
   * @param timeout the longest one call may take (connect at most 1 s of it)
   * @param failureRateThreshold percentage of failed calls that opens the breaker
   * @param slidingWindowSize calls the failure rate is computed over
   * @param minimumCalls calls needed before the breaker may open
   * @param openStateWait how long an open breaker refuses calls before letting trial calls through
   * @param halfOpenCalls trial calls that decide whether to close the breaker again
   */
  public record Breaker(
      Duration timeout, Float failureRateThreshold, Integer slidingWindowSize, Integer minimumCalls,
      Duration openStateWait, Integer halfOpenCalls) {

    public Breaker {
      timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
      failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
      slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
      minimumCalls = minimumCalls == null ? 4 : minimumCalls;
      openStateWait = openStateWait == null ? Duration.ofSeconds(30) : openStateWait;
      halfOpenCalls = halfOpenCalls == null ? 2 : halfOpenCalls;
    }
  }
}
