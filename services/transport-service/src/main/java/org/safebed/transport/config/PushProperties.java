package org.safebed.transport.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web Push alerts of offers ({@code safebed.transport.push}). Without VAPID keys push is off,
 * except with demo data, where a key pair is made at start (subscriptions then last until restart).
 *
 * @param vapid the application server's identity towards the push services
 * @param allowedHosts the push services devices may subscribe with, {@code https} only: a host, or
 *     {@code *.domain} for its subdomains. Anything else is refused: the endpoint is a URL a caller
 *     chooses and this service then calls (server-side request forgery).
 * @param testOrigins exact origins ({@code http://localhost:1234}) also allowed, for tests only
 * @param maxDevicesPerDriver subscriptions kept per driver, the most recent ones
 * @param resilience the guard around each push service call (one attempt: an alert is not repeated)
 */
@ConfigurationProperties("safebed.transport.push")
public record PushProperties(
    Vapid vapid, List<String> allowedHosts, List<String> testOrigins, Integer maxDevicesPerDriver,
    Resilience resilience) {

  public static final List<String> PUSH_SERVICES = List.of(
      "fcm.googleapis.com", "updates.push.services.mozilla.com", "*.push.services.mozilla.com",
      "*.notify.windows.com", "web.push.apple.com");

  public PushProperties {
    vapid = vapid == null ? new Vapid(null, null, null) : vapid;
    allowedHosts = allowedHosts == null || allowedHosts.isEmpty() ? PUSH_SERVICES : List.copyOf(allowedHosts);
    testOrigins = testOrigins == null ? List.of() : List.copyOf(testOrigins);
    maxDevicesPerDriver = maxDevicesPerDriver == null ? 5 : maxDevicesPerDriver;
    resilience = (resilience == null
        ? new Resilience(Duration.ofSeconds(3), 1, null, null, null, null, null, null)
        : resilience).withoutRetry();
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
}
