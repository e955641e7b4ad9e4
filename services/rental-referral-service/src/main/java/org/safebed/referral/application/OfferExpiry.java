package org.safebed.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.safebed.referral.domain.Offer;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Returns the units of offers nobody answered in time: the referral goes back to OPEN and the unit to
 * AVAILABLE. A sweep, not a TTL index: the conditional write on the referral decides, so a sweep that
 * races an acceptance either expires the offer or finds it accepted, never both.
 */
@Component
public class OfferExpiry {

  private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);
  private static final int BATCH = 100;

  private final ReferralRepository referrals;
  private final ReferralSteps steps;
  private final ReferralNotifications notifications;
  private final Clock clock;

  public OfferExpiry(ReferralRepository referrals, ReferralSteps steps, ReferralNotifications notifications,
      Clock clock) {
    this.referrals = referrals;
    this.steps = steps;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(
      initialDelayString = "${safebed.referral.sweep-interval:1m}",
      fixedDelayString = "${safebed.referral.sweep-interval:1m}")
  public void sweep() {
    expireDue();
  }

  /** @return how many offers expired */
  public synchronized int expireDue() {
    Instant now = clock.instant();
    int expired = 0;
    List<Referral> due;
    int expiredInBatch;
    do {
      due = referrals.offersExpiredBy(now, BATCH);
      expiredInBatch = 0;
      for (Referral referral : due) {
        try {
          Offer offer = referral.offer();
          if (steps.run(referral, r -> r.expireOfferIfDue(now)).status() == ReferralStatus.OPEN) {
            expiredInBatch++;
            notifications.offerExpired(referral, offer);
          }
        } catch (RuntimeException e) {
          log.warn("Offer of referral {} not expired this round ({})", referral.id(), e.getClass().getSimpleName());
        }
      }
      expired += expiredInBatch;
    } while (due.size() == BATCH && expiredInBatch > 0);
    if (expired > 0) {
      log.info("{} offers expired", expired);
    }
    return expired;
  }
}
