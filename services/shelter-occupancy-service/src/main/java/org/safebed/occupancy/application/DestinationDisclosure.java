package org.safebed.occupancy.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.safebed.occupancy.config.OccupancyProperties;
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
 * The only ways a shelter address leaves the service, both to the transport service for a driver
 * it assigned: the destination of the placement's pick-up, while the bed is held and the drive is
 * under way; and the origin of her move to rental, once she was checked out for it, while the move
 * is under way and shortly after. Every attempt is audited, granted or denied; a denial says
 * nothing about why (no probing).
 */
@Component
public class DestinationDisclosure {

  private static final Logger log = LoggerFactory.getLogger(DestinationDisclosure.class);
  private static final String DESTINATION = "TRANSPORT_DESTINATION";
  private static final String MOVE_ORIGIN = "MOVE_ORIGIN";

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final ShelterSecrets secrets;
  private final AuditTrail audit;
  private final OccupancyProperties properties;
  private final Clock clock;

  public DestinationDisclosure(
      PlacementRepository placements,
      ShelterRepository shelters,
      ShelterSecrets secrets,
      AuditTrail audit,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.shelters = shelters;
    this.secrets = secrets;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  public String destination(Caller service, String placementId, String driverId, String jobId) {
    return disclose(service, placementId, driverId, jobId, DESTINATION,
        p -> p.isDestinationFor(driverId, jobId));
  }

  /** The shelter her move to rental starts from, for the move's driver. */
  public String moveOrigin(Caller service, String placementId, String driverId, String jobId) {
    // The job is named in the purpose: the move is a job of its own, not the placement's pick-up.
    return disclose(service, placementId, driverId, jobId, MOVE_ORIGIN + " job=" + jobId,
        p -> p.isMoveOriginFor(driverId, jobId, properties.moveOriginGrace(), clock.instant()));
  }

  private String disclose(
      Caller service, String placementId, String driverId, String jobId, String purpose, Predicate<Placement> allowed) {
    Optional<Placement> placement = placements.findById(placementId);
    Optional<Shelter> shelter = placement
        .filter(allowed)
        .flatMap(p -> shelters.findById(p.shelterId()))
        .filter(s -> !s.isCompromised());
    if (shelter.isEmpty()) {
      String shelterId = placement.map(Placement::shelterId).orElse(null);
      audit.record(new AuditEntry(service.subject(), "SERVICE", driverId, "ADDRESS_DISCLOSED",
          shelterId != null ? "shelter" : "placement", shelterId != null ? shelterId : placementId,
          purpose, "DENIED"));
      log.warn("Address of placement {} ({}) denied to {} for driver {} job {}",
          placementId, kind(purpose), service.subject(), driverId, jobId);
      throw ApiException.forbidden("This address is not disclosed to this driver for this job");
    }
    log.info("Address of placement {} ({}) disclosed to {} for driver {} job {}",
        placementId, kind(purpose), service.subject(), driverId, jobId);
    return secrets.addressForDriver(shelter.get(), service.subject(), driverId, purpose);
  }

  private static String kind(String purpose) {
    return purpose.startsWith(MOVE_ORIGIN) ? "move origin" : "destination";
  }
}
