package org.safebed.referral.application;

import org.safebed.platform.web.notifications.Audience;
import org.safebed.platform.web.notifications.NotificationInbox;
import org.safebed.platform.web.notifications.NotificationKind;
import org.safebed.platform.web.notifications.NotificationKind.Record;
import org.safebed.platform.web.notifications.Severity;
import org.safebed.platform.web.security.Role;
import org.safebed.referral.domain.Offer;
import org.safebed.referral.domain.Referral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The notifications rental referral raises for the housing officers of a referral's agency, by
 * referral id only. A failure to store one never undoes what caused it (the referral's step shows
 * it in her work queue anyway).
 */
@Component
public class ReferralNotifications {

  private static final Logger log = LoggerFactory.getLogger(ReferralNotifications.class);

  private final NotificationInbox inbox;

  public ReferralNotifications(NotificationInbox inbox) {
    this.inbox = inbox;
  }

  /** A unit offered to her referral was not answered in time: the referral is open again. Once per offer. */
  public void offerExpired(Referral referral, Offer offer) {
    try {
      inbox.raise("offer-expired-" + referral.id() + "-" + offer.expiresAt().toEpochMilli(),
          NotificationKind.HOUSING_OFFER_EXPIRED, Severity.ACTION_REQUIRED, Record.REFERRAL, referral.id(),
          Audience.of().agency(Role.HOUSING_OFFICER, referral.agencyId()));
    } catch (RuntimeException e) {
      log.warn("Notification of an expired offer on referral {} not stored ({})", referral.id(),
          e.getClass().getSimpleName());
    }
  }
}
