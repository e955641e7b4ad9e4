package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.OutOfServiceReason;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.stereotype.Component;

/**
 * Registering shelters and keeping their capacity current: beds added and retired, out of service
 * and back, the shelter closed, reopened or compromised, capacity confirmed. Every capacity change
 * is audited ({@code CAPACITY_CHANGED}) and counts as a confirmation of the shelter's capacity (its
 * manager has just looked). A shelter's address and exact location are sealed before anything is
 * stored, and no answer ever carries them.
 */
@Component
public class ShelterAdministration {

  private static final int ATTEMPTS = 10;

  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final ShelterSecrets secrets;
  private final Waitlist waitlist;
  private final Relocations relocations;
  private final LiveStatus live;
  private final OccupancyNotifications notifications;
  private final AuditTrail audit;
  private final OccupancyProperties properties;
  private final Clock clock;

  public ShelterAdministration(
      ShelterRepository shelters,
      BedRepository beds,
      ShelterSecrets secrets,
      Waitlist waitlist,
      Relocations relocations,
      LiveStatus live,
      OccupancyNotifications notifications,
      AuditTrail audit,
      OccupancyProperties properties,
      Clock clock) {
    this.shelters = shelters;
    this.beds = beds;
    this.secrets = secrets;
    this.waitlist = waitlist;
    this.relocations = relocations;
    this.live = live;
    this.notifications = notifications;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  public record NewShelter(
      String id, String codeName, String region, GeoPoint location, String address,
      Eligibility eligibility, int bedCount) {}

  public record ShelterView(Shelter shelter, BedCounts beds, boolean capacityStale) {}

  /**
   * The shelter is stored first (with its bed count), then its beds: a crash in between leaves a
   * shelter short of beds, which the reconciler completes; the reverse order could leave beds of
   * a shelter that does not exist.
   */
  public ShelterView register(Caller coordinator, NewShelter command) {
    String id = command.id() != null ? command.id() : "shelter-" + UUID.randomUUID().toString().substring(0, 8);
    if (shelters.findById(id).isPresent()) {
      throw new Refusal.Conflict("A shelter with this id exists already");
    }
    if (command.bedCount() > 200) {
      throw new Refusal.InvalidCommand("A shelter is registered with at most 200 beds; add more afterwards");
    }
    Shelter shelter = newShelter(id, command);
    if (!shelters.insert(shelter)) {
      throw new Refusal.Conflict("A shelter with this id exists already");
    }
    createBeds(shelter);
    audit.record(new AuditEntry(coordinator.subject(), Role.COORDINATOR.name(), null, "SHELTER_REGISTERED",
        "shelter", id, "ADMINISTRATION", "DONE"));
    waitlist.bedFreed(id);
    return view(shelter);
  }

  /** Seeds a shelter with a fixed id unless it exists (demo data; start-up is repeatable). */
  public boolean registerIfAbsent(NewShelter command) {
    var existing = shelters.findById(command.id());
    if (existing.isPresent()) {
      createBeds(existing.get());
      return false;
    }
    Shelter shelter = newShelter(command.id(), command);
    boolean inserted = shelters.insert(shelter);
    createBeds(shelter);
    return inserted;
  }

  private Shelter newShelter(String id, NewShelter command) {
    return new Shelter(id, command.codeName(), command.region(), ShelterStatus.OPEN,
        command.eligibility(), command.location().roundedTo(Shelter.AREA_STEP_DEGREES),
        secrets.sealLocation(id, command.location()), secrets.sealAddress(id, command.address()),
        command.bedCount(), clock.instant());
  }

  private void createBeds(Shelter shelter) {
    beds.ensureBeds(shelter.id(), shelter.bedCount(), clock.instant());
    shelters.bedsCreated(shelter.id(), shelter.bedCount());
  }

  public List<ShelterView> list(Caller caller) {
    List<Shelter> visible = caller.has(Role.COORDINATOR) ? shelters.findAll() : shelters.findByIds(caller.shelterIds());
    return views(visible);
  }

  public ShelterView get(Caller caller, String shelterId) {
    return view(visibleShelter(caller, shelterId));
  }

  /** The shelter as the live feed shows it, without an ownership check (the caller checked). */
  public ShelterView current(String shelterId) {
    return shelters.findById(shelterId).map(this::view).orElseThrow(() -> new Refusal.NotFound("Shelter"));
  }

  public ShelterView changeStatus(Caller caller, String shelterId, ShelterStatus status) {
    Shelter shelter = visibleShelter(caller, shelterId);
    Shelter changed = shelter.withStatus(status);
    if (changed.status() != shelter.status()) {
      shelters.changeStatus(shelterId, status);
      auditCapacity(caller, "shelter", shelterId, "SHELTER_" + status.name());
      if (status == ShelterStatus.OPEN) {
        waitlist.bedFreed(shelterId);
      }
    }
    if (status == ShelterStatus.COMPROMISED) {
      // Also on a repeat: it finishes a relocation an earlier attempt left half done.
      relocations.relocateResidentsOf(shelterId);
      notifications.shelterCompromised(shelterId);
    }
    live.shelterChanged(shelterId);
    return current(shelterId);
  }

  public List<Bed> beds(Caller caller, String shelterId) {
    return beds.findByShelter(visibleShelter(caller, shelterId));
  }

  /**
   * Only a free bed goes out of service: a held or occupied one belongs to a placement. It goes out
   * with a coded reason (a coordinator reading the board later must know whether it comes back
   * tonight or next month) and comes back without one.
   */
  public Bed changeBedService(Caller caller, String shelterId, String bedId, boolean inService,
      OutOfServiceReason reason) {
    if (!inService && reason == null) {
      throw new Refusal.InvalidCommand("A bed goes out of service with a reason");
    }
    if (inService && reason != null) {
      throw new Refusal.InvalidCommand("A reason is given only when a bed goes out of service");
    }
    Shelter shelter = visibleShelter(caller, shelterId);
    Bed bed = bedOf(shelter, bedId);
    BedStatus wanted = inService ? BedStatus.AVAILABLE : BedStatus.OUT_OF_SERVICE;
    if (bed.status() == BedStatus.OUT_OF_SERVICE && !inService && reason != bed.outOfServiceReason()) {
      if (beds.changeOutOfServiceReason(bedId, reason)) {
        auditCapacity(caller, "bed", bedId, "OUT_OF_SERVICE_REASON:" + reason.name());
        live.shelterChanged(shelterId);
      }
    } else if (bed.status() != wanted) {
      if (!beds.changeService(bedId, inService, reason, clock.instant())) {
        throw new Refusal.Conflict("The bed is " + beds.findById(bedId).map(Bed::status).orElse(bed.status())
            + " and cannot change service status now");
      }
      confirmed(shelterId);
      auditCapacity(caller, "bed", bedId, inService ? "BACK_IN_SERVICE" : "OUT_OF_SERVICE:" + reason.name());
      if (inService) {
        waitlist.bedFreed(shelterId);
      }
      live.shelterChanged(shelterId);
    }
    return beds.findById(bedId).orElseThrow();
  }

  /** New beds are free at once and offered to the waitlist. */
  public ShelterView addBeds(Caller caller, String shelterId, int count) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Shelter shelter = visibleShelter(caller, shelterId);
      Shelter grown = shelter.withMoreBeds(count);
      // Conditional on the bed slots as read: two managers adding at once each get their own beds.
      if (shelters.addBedSlots(shelterId, shelter.bedCount(), grown.bedCount(), clock.instant())) {
        createBeds(grown);
        auditCapacity(caller, "shelter", shelterId, "BEDS_ADDED:" + count);
        waitlist.bedFreed(shelterId);
        live.shelterChanged(shelterId);
        return current(shelterId);
      }
    }
    throw new Refusal.Conflict("The shelter's beds kept changing; try again");
  }

  /** A retired bed is gone for good; only a free or out-of-service one can be retired. */
  public Bed retireBed(Caller caller, String shelterId, String bedId) {
    Shelter shelter = visibleShelter(caller, shelterId);
    Bed bed = bedOf(shelter, bedId);
    if (bed.status() != BedStatus.RETIRED) {
      if (!beds.retire(bedId, clock.instant())) {
        throw new Refusal.Conflict("The bed is " + beds.findById(bedId).map(Bed::status).orElse(bed.status())
            + " and cannot be retired now");
      }
      confirmed(shelterId);
      auditCapacity(caller, "bed", bedId, "BED_RETIRED");
      live.shelterChanged(shelterId);
    }
    return beds.findById(bedId).orElseThrow();
  }

  /** The manager looked: the bed statuses are current. */
  public ShelterView confirmCapacity(Caller caller, String shelterId) {
    visibleShelter(caller, shelterId);
    confirmed(shelterId);
    auditCapacity(caller, "shelter", shelterId, "CAPACITY_CONFIRMED");
    live.shelterChanged(shelterId);
    return current(shelterId);
  }

  private void confirmed(String shelterId) {
    shelters.confirmCapacity(shelterId, clock.instant());
  }

  private Bed bedOf(Shelter shelter, String bedId) {
    return Refusal.visibleOrNotFound(
        beds.findById(bedId), b -> b.shelterId().equals(shelter.id()), "Bed");
  }

  private Shelter visibleShelter(Caller caller, String shelterId) {
    return Refusal.visibleOrNotFound(
        shelters.findById(shelterId), shelter -> Access.mayManageShelter(caller, shelter.id()), "Shelter");
  }

  private void auditCapacity(Caller caller, String recordType, String recordId, String purpose) {
    audit.record(new AuditEntry(caller.subject(), roleOf(caller), null, "CAPACITY_CHANGED", recordType, recordId,
        purpose, "DONE"));
  }

  private ShelterView view(Shelter shelter) {
    return views(List.of(shelter)).getFirst();
  }

  private List<ShelterView> views(Collection<Shelter> list) {
    Map<String, BedCounts> counts = beds.countByShelter(list.stream().map(Shelter::id).toList());
    Instant now = clock.instant();
    return list.stream()
        .map(shelter -> new ShelterView(shelter, counts.getOrDefault(shelter.id(), BedCounts.NONE),
            shelter.isCapacityStale(now, properties.capacityStaleAfter())))
        .toList();
  }

  private static String roleOf(Caller caller) {
    return caller.has(Role.COORDINATOR) ? Role.COORDINATOR.name() : Role.SHELTER_MANAGER.name();
  }
}
