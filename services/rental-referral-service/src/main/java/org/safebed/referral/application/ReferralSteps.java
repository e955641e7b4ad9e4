package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.safebed.platform.refusal.Refusal;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralChange;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.RentalUnitRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a step to a referral and then brings its unit along. The referral's conditional write is
 * the decision; the unit's write follows it (released or let). A crash between the two leaves a unit
 * reserved for a referral that no longer holds it, which the {@link Reconciliation} repairs.
 */
@Component
public class ReferralSteps {

  private static final Logger log = LoggerFactory.getLogger(ReferralSteps.class);
  private static final int ATTEMPTS = 3;

  private final ReferralRepository referrals;
  private final RentalUnitRepository units;
  private final Clock clock;

  public ReferralSteps(
      ReferralRepository referrals, RentalUnitRepository units, Clock clock) {
    this.referrals = referrals;
    this.units = units;
    this.clock = clock;
  }

  /**
   * Runs the step on the given state; if the referral changed meanwhile, reloads it and runs the step
   * again on the fresh state (where it may now be a no-op or refused).
   */
  public Referral run(Referral current, Function<Referral, ReferralChange> step) {
    Referral state = current;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      ReferralChange change = step.apply(state);
      if (referrals.apply(change)) {
        follow(change);
        return change.changed() ? bumped(change.after()) : change.after();
      }
      state = referrals.find(current.id()).orElseThrow(() -> new Refusal.NotFound("Referral"));
    }
    throw new Refusal.Conflict("The referral is being changed by someone else; try again");
  }

  /** Like {@link #run} but loads the referral first; empty when it does not exist. */
  public Optional<Referral> run(String referralId, Function<Referral, ReferralChange> step) {
    return referrals.find(referralId).map(found -> run(found, step));
  }

  private void follow(ReferralChange change) {
    if (!change.changed()) {
      return;
    }
    Instant now = clock.instant();
    Referral after = change.after();
    change.releasedUnitId().ifPresent(unitId -> {
      if (!units.release(unitId, after.id(), now)) {
        log.warn("Unit {} was not reserved for referral {} when released", unitId, after.id());
      }
    });
    if (after.status() == ReferralStatus.MOVED_IN) {
      after.unitId().ifPresent(unitId -> {
        if (!units.let(unitId, after.id(), referrals.caseTokenOf(after.id()).orElse(null), now)) {
          log.warn("Unit {} was not reserved for referral {} at move-in", unitId, after.id());
        }
      });
    }
    log.info("Referral {} is now {}", after.id(), after.status());
  }

  /** The stored version after a successful write, so a following step in the same request applies. */
  private static Referral bumped(Referral r) {
    return new Referral(
        r.id(), r.agencyId(), r.createdBy(), r.placementId(), r.priority(), r.needs(), r.preferredRegions(),
        r.exclusionZoneCount(), r.keepApartRefCount(), r.status(), r.offer(), r.moveInDate(), r.closedReason(),
        r.steps(), r.declines(), r.createdAt(), r.lastProgressAt(), r.version() + 1);
  }
}
