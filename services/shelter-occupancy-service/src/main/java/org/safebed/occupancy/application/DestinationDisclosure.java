package org.safebed.occupancy.application;

import java.util.Optional;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The only way a shelter address leaves the service: to the transport service, for the driver it
 * assigned to this placement's job, while the bed is held and the drive is under way. Every
 * attempt is audited, granted or denied; a denial says nothing about why (no probing).
 */
@Component
public class DestinationDisclosure {

  private static final Logger log = LoggerFactory.getLogger(DestinationDisclosure.class);

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final ShelterSecrets secrets;
  private final AuditTrail audit;

  public DestinationDisclosure(
      PlacementRepository placements, ShelterRepository shelters, ShelterSecrets secrets, AuditTrail audit) {
    this.placements = placements;
    this.shelters = shelters;
    this.secrets = secrets;
    this.audit = audit;
  }

  public String destination(Caller service, String placementId, String driverId, String jobId) {
    Optional<Placement> placement = placements.findById(placementId);
    Optional<Shelter> shelter = placement
        .filter(p -> p.isDestinationFor(driverId, jobId))
        .flatMap(p -> shelters.findById(p.shelterId()))
        .filter(s -> !s.isCompromised());
    if (shelter.isEmpty()) {
      String shelterId = placement.map(Placement::shelterId).orElse(null);
      audit.record(new AuditEntry(service.subject(), "SERVICE", driverId, "ADDRESS_DISCLOSED",
          shelterId != null ? "shelter" : "placement", shelterId != null ? shelterId : placementId,
          "TRANSPORT_DESTINATION", "DENIED"));
      log.warn("Destination of placement {} denied to {} for driver {} job {}",
          placementId, service.subject(), driverId, jobId);
      throw ApiException.forbidden("This destination is not disclosed to this driver for this job");
    }
    log.info("Destination of placement {} disclosed to {} for driver {} job {}",
        placementId, service.subject(), driverId, jobId);
    return secrets.addressForDriver(shelter.get(), service.subject(), driverId);
  }
}
