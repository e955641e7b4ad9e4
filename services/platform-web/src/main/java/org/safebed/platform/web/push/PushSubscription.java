package org.safebed.platform.web.push;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One device of a person that is alerted by Web Push. The endpoint is a capability: whoever knows
 * it can alert the device, so it is never logged nor shown to anyone else. The device's encryption
 * keys are not kept: alerts carry no payload.
 *
 * @param accountSubject the person's own account (the token's subject)
 */
public record PushSubscription(String accountSubject, URI endpoint, Instant subscribedAt) {

  public PushSubscription {
    Objects.requireNonNull(accountSubject, "accountSubject");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(subscribedAt, "subscribedAt");
  }
}
