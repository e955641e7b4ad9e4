package org.safebed.transport.config;

import java.time.Duration;
import org.safebed.transport.domain.PickupReach;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How transport runs its jobs.
 *
 * @param offerTimeout how long a driver has to accept an offer before it goes to the next driver
 * @param offerSweepInterval how often expired offers are looked for (no TTL indexes: a sweep)
 * @param disclosureGrace how long after delivery the driver may still see the destination
 * @param reconcileInterval how often half-finished work (a crash between two writes) is repaired
 * @param repairAfter how old a claim or a pending job must be before the reconciler touches it, so
 *     it never races an assignment still in progress
 * @param maxPickupEta the longest a driver may take from their base to the pick-up to be offered a
 *     job; when nobody is that close the job fails at once (police escort her)
 */
@ConfigurationProperties("safebed.transport")
public record TransportProperties(
    Duration offerTimeout,
    Duration offerSweepInterval,
    Duration disclosureGrace,
    Duration reconcileInterval,
    Duration repairAfter,
    Duration maxPickupEta) {

  public TransportProperties {
    offerTimeout = offerTimeout == null ? Duration.ofMinutes(2) : offerTimeout;
    offerSweepInterval = offerSweepInterval == null ? Duration.ofSeconds(5) : offerSweepInterval;
    disclosureGrace = disclosureGrace == null ? Duration.ofMinutes(15) : disclosureGrace;
    reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(60) : reconcileInterval;
    repairAfter = repairAfter == null ? Duration.ofSeconds(30) : repairAfter;
    maxPickupEta = maxPickupEta == null ? Duration.ofMinutes(90) : maxPickupEta;
    new PickupReach(maxPickupEta); // a zero or negative limit is refused at start-up, not at the first job
  }

  public PickupReach pickupReach() {
    return new PickupReach(maxPickupEta);
  }
}
