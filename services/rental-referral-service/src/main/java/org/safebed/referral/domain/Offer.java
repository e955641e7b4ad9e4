package org.safebed.referral.domain;

import java.time.Instant;

/** The unit currently held for a referral. Only a not yet accepted offer expires. */
public record Offer(String unitId, String region, Instant offeredAt, Instant expiresAt, Instant acceptedAt) {

  public boolean expiredAt(Instant now) {
    return acceptedAt == null && !now.isBefore(expiresAt);
  }

  Offer accepted(Instant at) {
    return new Offer(unitId, region, offeredAt, expiresAt, at);
  }
}
