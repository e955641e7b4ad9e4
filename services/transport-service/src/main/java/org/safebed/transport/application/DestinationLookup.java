package org.safebed.transport.application;

import org.safebed.transport.domain.TransportJob;

/**
 * Asks the owner of a job's destination for the address at the moment the driver needs it: shelter
 * occupancy for a pick-up (the shelter), rental referral for a move (the unit). Nothing here stores
 * or caches the answer.
 */
public interface DestinationLookup {

  /**
   * @throws Refused when the owner says no (not the assigned driver, placement no longer active)
   * @throws Unavailable when the owner cannot be asked now (down, slow, breaker open, no token)
   */
  DestinationAddress fetch(TransportJob job, String driverSubject);

  /** The owner refused this disclosure. */
  final class Refused extends RuntimeException {
    public Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The owner could not be asked; the caller may try again shortly. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String reason) {
      super(reason, null, false, false);
    }
  }
}
