package org.safebed.occupancy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.safebed.occupancy.application.PlacementLifecycle;
import org.safebed.occupancy.application.PlacementRequests;
import org.safebed.occupancy.application.PlacementRequests.Outcome;
import org.safebed.occupancy.domain.CheckOutReason;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.web.api.PlacementsApi;
import org.safebed.occupancy.web.model.CheckOutRequestDto;
import org.safebed.occupancy.web.model.PlacementDto;
import org.safebed.occupancy.web.model.PlacementRequestDto;
import org.safebed.occupancy.web.model.PlacementStatusDto;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Placements: roles are checked here, ownership in the use cases (foreign placements answer 404). */
@RestController
public class PlacementController implements PlacementsApi {

  private final PlacementRequests requests;
  private final PlacementLifecycle lifecycle;

  public PlacementController(PlacementRequests requests, PlacementLifecycle lifecycle) {
    this.requests = requests;
    this.lifecycle = lifecycle;
  }

  @Override
  @PreAuthorize("hasRole('POLICE')")
  public ResponseEntity<PlacementDto> requestPlacement(UUID idempotencyKey, PlacementRequestDto body) {
    Outcome outcome = requests.request(Caller.current(), idempotencyKey, WebMapping.placementRequest(body),
        body.getPoliceCaseRef(), WebMapping.keepApartFrom(body));
    return ResponseEntity.status(outcome.held() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
        .location(URI.create("/api/placements/" + outcome.placement().id()))
        .body(WebMapping.placement(outcome.placement()));
  }

  @Override
  @PreAuthorize("hasAnyRole('POLICE', 'COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<List<PlacementDto>> listPlacements(PlacementStatusDto status, Integer limit) {
    Caller caller = Caller.current();
    PlacementStatus wanted = status == null ? null : PlacementStatus.valueOf(status.getValue());
    return ResponseEntity.ok(lifecycle.list(caller, wanted, limit == null ? 50 : limit).stream()
        .map(p -> WebMapping.placement(p, caller.has(Role.COORDINATOR), PlacementLifecycle.arrivalFor(caller, p)))
        .toList());
  }

  @Override
  @PreAuthorize("hasAnyRole('POLICE', 'COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<PlacementDto> getPlacement(String placementId) {
    Caller caller = Caller.current();
    Placement placement = lifecycle.view(caller, placementId);
    return ResponseEntity.ok(WebMapping.placement(placement, caller.has(Role.COORDINATOR),
        PlacementLifecycle.arrivalFor(caller, placement)));
  }

  @Override
  @PreAuthorize("hasRole('SHELTER_MANAGER')")
  public ResponseEntity<PlacementDto> reportResidentMissing(String placementId) {
    return answer(Caller.current(), caller -> lifecycle.reportMissing(caller, placementId));
  }

  @Override
  @PreAuthorize("hasRole('SHELTER_MANAGER')")
  public ResponseEntity<PlacementDto> reportResidentReturned(String placementId) {
    return answer(Caller.current(), caller -> lifecycle.reportReturned(caller, placementId));
  }

  @Override
  @PreAuthorize("hasRole('SHELTER_MANAGER')")
  public ResponseEntity<PlacementDto> checkInPlacement(String placementId) {
    return answer(Caller.current(), caller -> lifecycle.checkIn(caller, placementId));
  }

  @Override
  @PreAuthorize("hasRole('SHELTER_MANAGER')")
  public ResponseEntity<PlacementDto> checkOutPlacement(String placementId, CheckOutRequestDto body) {
    CheckOutReason reason = CheckOutReason.valueOf(body.getReason().getValue());
    return answer(Caller.current(), caller -> lifecycle.checkOut(caller, placementId, reason));
  }

  @Override
  @PreAuthorize("hasAnyRole('SHELTER_MANAGER', 'COORDINATOR')")
  public ResponseEntity<PlacementDto> reportNoShow(String placementId) {
    return answer(Caller.current(), caller -> lifecycle.reportNoShow(caller, placementId));
  }

  @Override
  @PreAuthorize("hasAnyRole('POLICE', 'COORDINATOR')")
  public ResponseEntity<PlacementDto> cancelPlacement(String placementId) {
    return ResponseEntity.ok(WebMapping.placement(lifecycle.cancel(Caller.current(), placementId)));
  }

  /** The placement after a command, as this caller may see it (what to prepare: her shelter, coordinators). */
  private static ResponseEntity<PlacementDto> answer(Caller caller, Function<Caller, Placement> command) {
    Placement placement = command.apply(caller);
    return ResponseEntity.ok(WebMapping.placement(placement, false, PlacementLifecycle.arrivalFor(caller, placement)));
  }
}
