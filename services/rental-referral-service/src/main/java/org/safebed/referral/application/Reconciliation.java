package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.safebed.referral.config.ReferralProperties;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.RentalUnit;
import org.safebed.referral.domain.RentalUnitRepository;
import org.safebed.referral.domain.Resident;
import org.safebed.referral.domain.ResidentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Repairs what a crash between two writes can leave, on start and periodically. The referral is the
 * source of truth for which unit it holds:
 *
 * <ul>
 *   <li>a unit reserved for a referral that does not hold it (offer write lost, or the release after
 *       a decline, expiry or close lost) becomes available again;
 *   <li>a unit still reserved for a referral that moved in becomes let;
 *   <li>a referral still active for a resident who checked out (the check-out raced its creation) is
 *       closed, which returns its unit.
 * </ul>
 *
 * Only reservations older than the grace period are judged, so a request between its two writes is
 * never mistaken for a crash.
 */
@Component
public class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
  private static final int BATCH = 500;

  private final ReferralRepository referrals;
  private final RentalUnitRepository units;
  private final ResidentRepository residents;
  private final ReferralSteps steps;
  private final ReferralProperties properties;
  private final Clock clock;

  public Reconciliation(
      ReferralRepository referrals,
      RentalUnitRepository units,
      ResidentRepository residents,
      ReferralSteps steps,
      ReferralProperties properties,
      Clock clock) {
    this.referrals = referrals;
    this.units = units;
    this.residents = residents;
    this.steps = steps;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    reconcile();
  }

  @Scheduled(
      initialDelayString = "${safebed.referral.reconcile-interval:5m}",
      fixedDelayString = "${safebed.referral.reconcile-interval:5m}")
  public void periodically() {
    reconcile();
  }

  /** @return how many repairs were made */
  public synchronized int reconcile() {
    try {
      return repairUnits() + closeReferralsOfCheckedOutResidents();
    } catch (RuntimeException e) {
      log.warn("Reconciliation round failed ({}); next round retries", e.getClass().getSimpleName());
      return 0;
    }
  }

  private int repairUnits() {
    Instant now = clock.instant();
    int repaired = 0;
    for (RentalUnit unit : units.reservedBefore(now.minus(properties.reservationGrace()), BATCH)) {
      Optional<Referral> holder = referrals.find(unit.referralId());
      boolean named = holder.flatMap(Referral::unitId).filter(unit.id()::equals).isPresent();
      ReferralStatus status = holder.map(Referral::status).orElse(null);
      if (named && status != null && status.holdsUnit()) {
        continue;
      }
      if (named && status == ReferralStatus.MOVED_IN) {
        if (units.let(unit.id(), unit.referralId(), referrals.caseTokenOf(unit.referralId()).orElse(null), now)) {
          log.info("Reconciled: unit {} let to referral {}", unit.id(), unit.referralId());
          repaired++;
        }
      } else if (units.release(unit.id(), unit.referralId(), now)) {
        log.info("Reconciled: unit {} released, referral {} does not hold it", unit.id(), unit.referralId());
        repaired++;
      }
    }
    return repaired;
  }

  private int closeReferralsOfCheckedOutResidents() {
    Instant now = clock.instant();
    int closed = 0;
    for (Referral referral : referrals.activeUnchangedSince(now.minus(properties.reservationGrace()), BATCH)) {
      boolean checkedOut =
          residents.find(referral.placementId()).map(Resident::isCheckedIn).map(in -> !in).orElse(false);
      if (checkedOut) {
        steps.run(referral, r -> r.close(PlacementEvents.RESIDENT_CHECKED_OUT, now));
        log.info("Reconciled: referral {} closed, its resident checked out", referral.id());
        closed++;
      }
    }
    return closed;
  }
}
