package org.safebed.transport.application;

import org.safebed.transport.domain.TransportJob;

/**
 * Asks the owner of a job's address for it at the moment the driver needs it: shelter occupancy for
 * a pick-up's destination (the shelter), a pick-up's starting point (where police found her) and a
 * move's origin (the shelter she leaves), rental
 * referral for a move's destination (the unit). Nothing here stores or caches the answer.
 */
public interface DestinationLookup {

  /**
   * @throws Refused when the owner says no (not the assigned driver, placement no longer active)
   * @throws Unavailable when the owner cannot be asked now (down, slow, breaker open, no token)
   */
  DestinationAddress fetch(TransportJob job, String driverSubject);

  /**
   * The pick-up address of a move: the shelter she moves out of, asked of shelter occupancy, which
   * answers only for the driver of this move of a placement checked out to move to rental.
   *
   * @throws Refused when the owner says no
   * @throws Unavailable when the owner cannot be asked now
   */
  DestinationAddress fetchMoveOrigin(TransportJob move, String driverSubject);

  /**
   * The pick-up point of a pick-up: where police found her, asked of shelter occupancy, which answers
   * only for the driver of this job while her bed is held.
   *
   * @throws Refused when the owner says no
   * @throws Unavailable when the owner cannot be asked now
   */
  PickupPoint fetchPickupPoint(TransportJob pickup, String driverSubject);

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
