package org.safebed.platform.web.push;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Sends payload-less Web Push messages (RFC 8030, VAPID RFC 8292) to devices. */
public interface PushDelivery {

  /** What a push service answered. */
  enum Outcome {
    DELIVERED,
    /** 404 or 410: the device's subscription has ended, forget it. */
    GONE,
    /** Refused, down, slow, or the breaker is open: the next alert may pass. */
    FAILED
  }

  /** The VAPID public key devices subscribe with (base64url, uncompressed point); empty when push is off. */
  Optional<String> publicKey();

  /** Alerts one device; never throws. */
  Outcome send(URI endpoint, Duration timeToLive, String topic);

  /** Push is off: no key, nothing is sent. */
  static PushDelivery off() {
    return new PushDelivery() {
      @Override
      public Optional<String> publicKey() {
        return Optional.empty();
      }

      @Override
      public Outcome send(URI endpoint, Duration timeToLive, String topic) {
        return Outcome.FAILED;
      }
    };
  }
}
