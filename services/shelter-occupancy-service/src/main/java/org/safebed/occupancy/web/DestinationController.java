package org.safebed.occupancy.web;

import org.safebed.occupancy.application.DestinationDisclosure;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.web.api.InternalApi;
import org.safebed.occupancy.web.model.CoordinatesDto;
import org.safebed.occupancy.web.model.DestinationDto;
import org.safebed.platform.web.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** The audited address look-ups for the transport service (also guarded by the platform: /internal/** is SERVICE only). */
@RestController
public class DestinationController implements InternalApi {

  private final DestinationDisclosure disclosure;

  public DestinationController(DestinationDisclosure disclosure) {
    this.disclosure = disclosure;
  }

  @Override
  @PreAuthorize("hasRole('SERVICE')")
  public ResponseEntity<DestinationDto> getPlacementDestination(String placementId, String driverId, String jobId) {
    String address = disclosure.destination(Caller.current(), placementId, driverId, jobId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new DestinationDto().address(address));
  }

  @Override
  @PreAuthorize("hasRole('SERVICE')")
  public ResponseEntity<DestinationDto> getPlacementMoveOrigin(String placementId, String driverId, String jobId) {
    String address = disclosure.moveOrigin(Caller.current(), placementId, driverId, jobId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new DestinationDto().address(address));
  }

  @Override
  @PreAuthorize("hasRole('SERVICE')")
  public ResponseEntity<CoordinatesDto> getPlacementPickupPoint(String placementId, String driverId, String jobId) {
    GeoPoint point = disclosure.pickupPoint(Caller.current(), placementId, driverId, jobId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new CoordinatesDto().lat(point.lat()).lon(point.lon()));
  }
}
