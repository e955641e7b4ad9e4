package org.safebed.referral.web;

import org.safebed.referral.application.MoveDestinations;
import org.safebed.referral.web.api.InternalApi;
import org.safebed.referral.web.model.MoveDestination;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** The audited destination look-up for the driver of a move (other services only). */
@RestController
public class MoveDestinationController implements InternalApi {

  private final MoveDestinations destinations;

  public MoveDestinationController(MoveDestinations destinations) {
    this.destinations = destinations;
  }

  @Override
  @PreAuthorize("hasRole('SERVICE')")
  public ResponseEntity<MoveDestination> getMoveDestination(String referralId, String onBehalfOf, String transportJob) {
    String address = destinations.destinationFor(Actors.current(), referralId, onBehalfOf, transportJob);
    // An address must not linger in any cache between here and the driver.
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new MoveDestination().address(address));
  }
}
