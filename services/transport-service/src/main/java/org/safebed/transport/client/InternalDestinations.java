package org.safebed.transport.client;

import org.safebed.transport.application.DestinationAddress;
import org.safebed.transport.application.DestinationLookup;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.TransportJob;

/** A pick-up's destination belongs to shelter occupancy, a move's to rental referral. */
public final class InternalDestinations implements DestinationLookup {

  private final OwnerDestinations shelters;
  private final OwnerDestinations rentalUnits;

  public InternalDestinations(OwnerDestinations shelters, OwnerDestinations rentalUnits) {
    this.shelters = shelters;
    this.rentalUnits = rentalUnits;
  }

  @Override
  public DestinationAddress fetch(TransportJob job, String driverSubject) {
    return job.kind() == JobKind.MOVE
        ? rentalUnits.fetch(job.referralId(), driverSubject, job.id())
        : shelters.fetch(job.placementId(), driverSubject, job.id());
  }
}
