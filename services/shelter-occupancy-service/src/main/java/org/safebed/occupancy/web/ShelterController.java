package org.safebed.occupancy.web;

import java.net.URI;
import java.util.List;
import org.safebed.occupancy.application.ShelterAdministration;
import org.safebed.occupancy.application.ShelterAdministration.ShelterView;
import org.safebed.occupancy.domain.OutOfServiceReason;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.occupancy.web.api.SheltersApi;
import org.safebed.occupancy.web.model.AddBedsDto;
import org.safebed.occupancy.web.model.BedDto;
import org.safebed.occupancy.web.model.BedServiceChangeDto;
import org.safebed.occupancy.web.model.NewShelterDto;
import org.safebed.occupancy.web.model.ShelterDto;
import org.safebed.occupancy.web.model.ShelterStatusChangeDto;
import org.safebed.platform.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

/** Shelters and beds for coordinators (all) and shelter managers (their own). */
@RestController
public class ShelterController implements SheltersApi {

  private final ShelterAdministration administration;

  public ShelterController(ShelterAdministration administration) {
    this.administration = administration;
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<List<ShelterDto>> listShelters() {
    return ResponseEntity.ok(administration.list(Caller.current()).stream().map(WebMapping::shelter).toList());
  }

  @Override
  @PreAuthorize("hasRole('COORDINATOR')")
  public ResponseEntity<ShelterDto> createShelter(NewShelterDto body) {
    ShelterView created = administration.register(Caller.current(), WebMapping.newShelter(body));
    return ResponseEntity.created(URI.create("/api/shelters/" + created.shelter().id()))
        .body(WebMapping.shelter(created));
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<ShelterDto> getShelter(String shelterId) {
    return ResponseEntity.ok(WebMapping.shelter(administration.get(Caller.current(), shelterId)));
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<ShelterDto> changeShelterStatus(String shelterId, ShelterStatusChangeDto body) {
    ShelterStatus status = ShelterStatus.valueOf(body.getStatus().getValue());
    return ResponseEntity.ok(WebMapping.shelter(administration.changeStatus(Caller.current(), shelterId, status)));
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<List<BedDto>> listBeds(String shelterId) {
    return ResponseEntity.ok(administration.beds(Caller.current(), shelterId).stream().map(WebMapping::bed).toList());
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<ShelterDto> addBeds(String shelterId, AddBedsDto body) {
    return ResponseEntity.ok(WebMapping.shelter(administration.addBeds(Caller.current(), shelterId, body.getCount())));
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<BedDto> retireBed(String shelterId, String bedId) {
    return ResponseEntity.ok(WebMapping.bed(administration.retireBed(Caller.current(), shelterId, bedId)));
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<ShelterDto> confirmCapacity(String shelterId) {
    return ResponseEntity.ok(WebMapping.shelter(administration.confirmCapacity(Caller.current(), shelterId)));
  }

  @Override
  @PreAuthorize("hasAnyRole('COORDINATOR', 'SHELTER_MANAGER')")
  public ResponseEntity<BedDto> changeBedServiceStatus(String shelterId, String bedId, BedServiceChangeDto body) {
    return ResponseEntity.ok(WebMapping.bed(
        administration.changeBedService(Caller.current(), shelterId, bedId, body.getInService(),
            body.getReason() == null ? null : OutOfServiceReason.valueOf(body.getReason().getValue()))));
  }
}
