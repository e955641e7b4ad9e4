package org.safebed.referral.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.safebed.platform.refusal.Refusal;
import org.safebed.referral.config.ReferralProperties;
import org.safebed.referral.domain.Referral;
import org.safebed.referral.domain.ReferralRepository;
import org.safebed.referral.domain.ReferralStatus;
import org.safebed.referral.domain.RentalUnitRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way a unit address leaves this service: to the transport service, for the driver of the
 * move, only while the move is due, every answer audited. Transport vouches that the driver named
 * in {@code onBehalfOf} is the one assigned to the job; this service checks the move itself.
 */
@Service
public class MoveDestinations {

  private static final Logger log = LoggerFactory.getLogger(MoveDestinations.class);

  private final ReferralRepository referrals;
  private final RentalUnitRepository units;
  private final SealedReads sealedReads;
  private final ReferralProperties properties;
  private final Clock clock;

  public MoveDestinations(
      ReferralRepository referrals,
      RentalUnitRepository units,
      SealedReads sealedReads,
      ReferralProperties properties,
      Clock clock) {
    this.referrals = referrals;
    this.units = units;
    this.sealedReads = sealedReads;
    this.properties = properties;
    this.clock = clock;
  }

  public String destinationFor(Actor service, String referralId, String driver, String transportJob) {
    Referral referral = referrals.find(referralId).orElseThrow(() -> new Refusal.NotFound("Referral"));
    if (!moveDue(referral, clock.instant())) {
      sealedReads.addressRefused(service, driver, referralId, transportJob);
      log.info("Destination of referral {} refused to job {}: no move due", referralId, transportJob);
      throw new Refusal.NotAllowed("No move to this destination is due");
    }
    String unitId = referral.unitId().orElseThrow();
    String address = units.addressOf(unitId).orElseThrow(() -> new Refusal.NotFound("Rental unit"));
    sealedReads.addressDisclosed(service, driver, referralId, transportJob);
    log.info("Destination of referral {} disclosed to job {}", referralId, transportJob);
    return address;
  }

  private boolean moveDue(Referral referral, Instant now) {
    if (referral.status() != ReferralStatus.MOVED_IN || referral.moveInDate() == null) {
      return false;
    }
    Instant moveDay = referral.moveInDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    Duration window = properties.destinationWindow();
    return !now.isBefore(moveDay.minus(window)) && now.isBefore(moveDay.plus(Duration.ofDays(1)).plus(window));
  }
}
