package org.safebed.referral.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the coordinators' statistics read of one referral: no agency, unit or safety constraint.
 * The placement id is there only to find her check-in time and never leaves the service.
 *
 * @param offers how many times a unit was offered to the referral (declined, expired or current)
 * @param declineReasons the reason of each decline, one entry per decline
 */
public record ReferralSummary(
    ReferralStatus status, String placementId, LocalDate moveInDate, int offers, List<DeclineReason> declineReasons) {

  public ReferralSummary {
    declineReasons = List.copyOf(declineReasons);
  }

  /** Each offer began an OFFERED step, whatever became of it. */
  public static ReferralSummary of(
      ReferralStatus status, String placementId, LocalDate moveInDate, List<Step> steps, List<Decline> declines) {
    int offers = (int) steps.stream().filter(s -> s.status() == ReferralStatus.OFFERED).count();
    return new ReferralSummary(status, placementId, moveInDate, offers, declines.stream().map(Decline::reason).toList());
  }
}
