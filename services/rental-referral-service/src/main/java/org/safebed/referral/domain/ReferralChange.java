package org.safebed.referral.domain;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a step on a referral: its new state, the unit that it no longer holds (to be made
 * available again) and the events the step causes. {@code changed} is false for a repeated,
 * idempotent command: nothing is written.
 */
public record ReferralChange(
    Referral before, Referral after, Optional<String> releasedUnitId, List<TenancyStarted> events, boolean changed) {

  public ReferralChange {
    events = List.copyOf(events);
  }

  static ReferralChange of(Referral before, Referral after) {
    return new ReferralChange(before, after, Optional.empty(), List.of(), true);
  }

  static ReferralChange releasing(Referral before, Referral after, String unitId) {
    return new ReferralChange(before, after, Optional.ofNullable(unitId), List.of(), true);
  }

  static ReferralChange none(Referral unchanged) {
    return new ReferralChange(unchanged, unchanged, Optional.empty(), List.of(), false);
  }
}
