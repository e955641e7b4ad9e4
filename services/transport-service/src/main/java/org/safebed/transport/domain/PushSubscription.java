package org.safebed.transport.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One device of a driver that is alerted of her offers by Web Push. The endpoint is a capability:
 * whoever knows it can alert the device, so it is never logged nor shown to anyone else. The
 * device's encryption keys are not kept: alerts carry no payload.
 *
 * @param driverSubject the driver's own account
 */
public record PushSubscription(String driverSubject, URI endpoint, Instant subscribedAt) {

  public PushSubscription {
    Objects.requireNonNull(driverSubject, "driverSubject");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(subscribedAt, "subscribedAt");
  }
}
