package org.safebed.occupancy.web;

import java.util.List;
import org.safebed.occupancy.application.DestinationDisclosure;
import org.safebed.occupancy.application.SafetyConstraintsDisclosure;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.web.api.InternalApi;
import org.safebed.occupancy.web.model.CoordinatesDto;
import org.safebed.occupancy.web.model.DestinationDto;
import org.safebed.occupancy.web.model.ExclusionZoneDto;
import org.safebed.occupancy.web.model.SafetyConstraintsDto;
import org.safebed.occupancy.web.model.SafetyConstraintsQueryDto;
import org.safebed.platform.web.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audited look-ups of other services: addresses for the transport service, safety constraints
 * for the rental referral service (also guarded by the platform: /internal/** is SERVICE only).
 */
@RestController
public class DestinationController implements InternalApi {

  private final DestinationDisclosure disclosure;
  private final SafetyConstraintsDisclosure safety;

  public DestinationController(DestinationDisclosure disclosure, SafetyConstraintsDisclosure safety) {
    this.disclosure = disclosure;
    this.safety = safety;
  }

  @Override
  @PreAuthorize("hasRole('SERVICE')")
  public ResponseEntity<SafetyConstraintsDto> readPlacementSafetyConstraints(
      String placementId, String officer, SafetyConstraintsQueryDto query) {
    Placement placement = safety.forReferral(Caller.current(), placementId, officer);
    List<String> officersReferences = query.getKeepApartFrom() == null ? List.of() : List.copyOf(query.getKeepApartFrom());
    SafetyConstraintsDto body = new SafetyConstraintsDto()
        .caseToken(placement.caseToken())
        .keepApartTokens(safety.keepApartTokens(placement))
        .officersKeepApartTokens(safety.officersKeepApartTokens(officersReferences))
        .exclusionZones(placement.request().exclusionZones().stream()
            .map(zone -> new ExclusionZoneDto().lat(zone.centre().lat()).lon(zone.centre().lon()).radiusKm(zone.radiusKm()))
            .toList());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
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
