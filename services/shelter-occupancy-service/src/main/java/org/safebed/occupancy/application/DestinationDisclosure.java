package org.safebed.occupancy.application;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The only ways a shelter address (or where police found her) leaves the service, all to the
 * transport service for a driver it assigned: the destination of the placement's pick-up and the
 * point she is picked up at, while the bed is held and the drive is under way; and the origin of her move to rental, once she was checked out for it, while the move
 * is under way and shortly after. Every attempt is audited, granted or denied; a denial says
 * nothing about why (no probing).
 */
@Component
public class DestinationDisclosure {

  private static final Logger log = LoggerFactory.getLogger(DestinationDisclosure.class);
  private static final String DESTINATION = "TRANSPORT_DESTINATION";
  private static final String MOVE_ORIGIN = "MOVE_ORIGIN";
  private static final String PICKUP_POINT = "PICKUP_POINT";

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
    Shelter shelter = allowed(service, placementId, driverId, jobId, DESTINATION,
        p -> p.isDestinationFor(driverId, jobId, properties.destinationGrace(), clock.instant())).shelter();
    return secrets.addressForDriver(shelter, service.subject(), driverId, DESTINATION);
  }

  /** The shelter her move to rental starts from, for the move's driver. */
  public String moveOrigin(Caller service, String placementId, String driverId, String jobId) {
    // The job is named in the purpose: the move is a job of its own, not the placement's pick-up.
    String purpose = MOVE_ORIGIN + " job=" + jobId;
    Shelter shelter = allowed(service, placementId, driverId, jobId, purpose,
        p -> p.isMoveOriginFor(driverId, jobId, properties.moveOriginGrace(), clock.instant())).shelter();
    return secrets.addressForDriver(shelter, service.subject(), driverId, purpose);
  }

  /**
   * Where police found her, for the driver of her pick-up, under the destination's rule: the
   * point is as sensitive as the shelter, and the same drive needs both.
   */
  public GeoPoint pickupPoint(Caller service, String placementId, String driverId, String jobId) {
    String purpose = PICKUP_POINT + " job=" + jobId;
    Placement placement = allowed(service, placementId, driverId, jobId, purpose,
        p -> p.isDestinationFor(driverId, jobId)).placement();
    // Audited against the placement: the point is hers, not the shelter's.
    audit.record(new AuditEntry(service.subject(), "SERVICE", driverId, "ADDRESS_DISCLOSED", "placement",
        placementId, purpose, "GRANTED"));
    return placement.request().location();
  }

  /** A placement whose drive this driver may see, with its (not compromised) shelter. */
  private record Granted(Placement placement, Shelter shelter) {}

  /**
   * The placement and its shelter when {@code allowed} grants them to this driver and the shelter
   * is not compromised; otherwise audits the denial and answers 403.
   */
  private Granted allowed(
      Caller service, String placementId, String driverId, String jobId, String purpose, Predicate<Placement> allowed) {
    Optional<Placement> placement = placements.findById(placementId);
    Optional<Granted> granted = placement
        .filter(allowed)
        .flatMap(p -> shelters.findById(p.shelterId()).map(s -> new Granted(p, s)))
        .filter(g -> !g.shelter().isCompromised());
    if (granted.isEmpty()) {
      String shelterId = placement.map(Placement::shelterId).orElse(null);
      audit.record(new AuditEntry(service.subject(), "SERVICE", driverId, "ADDRESS_DISCLOSED",
          shelterId != null ? "shelter" : "placement", shelterId != null ? shelterId : placementId,
          purpose, "DENIED"));
      // Opaque ids only: who asked, for which driver, is in the audit entry, not in the logs.
      log.warn("Disclosure ({}) for placement {} refused", kind(purpose), placementId);
      throw new Refusal.NotAllowed("This address is not disclosed to this driver for this job");
    }
    log.info("Disclosure ({}) for placement {} granted", kind(purpose), placementId);
    return granted.get();
  }

  private static String kind(String purpose) {
    if (purpose.startsWith(MOVE_ORIGIN)) {
      return "move origin";
    }
    return purpose.startsWith(PICKUP_POINT) ? "pick-up point" : "destination";
  }
}
