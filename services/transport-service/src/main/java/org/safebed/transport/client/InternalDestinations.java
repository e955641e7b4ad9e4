package org.safebed.transport.client;

import org.safebed.transport.application.DestinationAddress;
import org.safebed.transport.application.DestinationLookup;
import org.safebed.transport.application.PickupPoint;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.TransportJob;

/**
 * A pick-up's destination belongs to shelter occupancy, a move's to rental referral; a move's origin
 * (the shelter she leaves) and a pick-up's starting point (where police found her) to shelter
 * occupancy again.
 */
public final class InternalDestinations implements DestinationLookup {

  private final OwnerDestinations shelters;
  private final OwnerDestinations rentalUnits;
  private final OwnerDestinations moveOrigins;
  private final OwnerDestinations pickupPoints;

  public InternalDestinations(
      OwnerDestinations shelters,
      OwnerDestinations rentalUnits,
      OwnerDestinations moveOrigins,
      OwnerDestinations pickupPoints) {
    this.shelters = shelters;
    this.rentalUnits = rentalUnits;
    this.moveOrigins = moveOrigins;
    this.pickupPoints = pickupPoints;
  }

  @Override
  public DestinationAddress fetch(TransportJob job, String driverSubject) {
    return job.kind() == JobKind.MOVE
        ? rentalUnits.fetch(job.referralId(), driverSubject, job.id())
        : shelters.fetch(job.placementId(), driverSubject, job.id());
  }

  @Override
  public DestinationAddress fetchMoveOrigin(TransportJob move, String driverSubject) {
    return moveOrigins.fetch(move.placementId(), driverSubject, move.id());
  }

  @Override
  public PickupPoint fetchPickupPoint(TransportJob pickup, String driverSubject) {
    return pickupPoints.fetchPoint(pickup.placementId(), driverSubject, pickup.id());
  }
}
