package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ResidentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the shelter occupancy service tells about residents. Both effects are idempotent and keyed by
 * the placement id, and the resident's status only moves forward, so duplicates, redeliveries and a
 * check-out overtaking its check-in all end in the same state.
 */
@Service
public class PlacementEvents {

  static final String RESIDENT_CHECKED_OUT = "RESIDENT_CHECKED_OUT";
  /** A reason is kept only as a short code: free text about a person has no place here. */
  private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final Logger log = LoggerFactory.getLogger(PlacementEvents.class);

  private final ResidentRepository residents;
  private final ReferralRepository referrals;
  private final ReferralSteps steps;
  private final Clock clock;

  public PlacementEvents(
      ResidentRepository residents, ReferralRepository referrals, ReferralSteps steps, Clock clock) {
    this.residents = residents;
    this.referrals = referrals;
    this.steps = steps;
    this.clock = clock;
  }

  public void checkedIn(String placementId, String region, Instant occurredAt) {
    residents.recordCheckedIn(placementId, region, occurredAt);
    log.info("Placement {} checked in", placementId);
  }

  /** Closes the resident's active referrals, which returns any unit they held. */
  public void checkedOut(String placementId, String reason, Instant occurredAt) {
    String code = reason != null && REASON_CODE.matcher(reason).matches() ? reason : "OTHER";
    residents.recordCheckedOut(placementId, code, occurredAt);
    Instant now = clock.instant();
    for (Referral referral : referrals.activeForPlacement(placementId)) {
      steps.run(referral, r -> r.close(RESIDENT_CHECKED_OUT, now));
    }
    log.info("Placement {} checked out", placementId);
  }
}
