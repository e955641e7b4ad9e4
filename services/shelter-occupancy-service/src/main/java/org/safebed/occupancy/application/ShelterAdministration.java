package org.safebed.occupancy.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.IllegalTransitionException;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.stereotype.Component;

/**
 * Registering shelters and keeping their capacity current. A shelter's address and exact location
 * are sealed before anything is stored, and no answer ever carries them.
 */
@Component
public class ShelterAdministration {

  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final ShelterSecrets secrets;
  private final Waitlist waitlist;
  private final AuditTrail audit;
  private final Clock clock;

  public ShelterAdministration(
      ShelterRepository shelters,
      BedRepository beds,
      ShelterSecrets secrets,
      Waitlist waitlist,
      AuditTrail audit,
      Clock clock) {
    this.shelters = shelters;
    this.beds = beds;
    this.secrets = secrets;
    this.waitlist = waitlist;
    this.audit = audit;
    this.clock = clock;
  }

  public record NewShelter(
      String id, String codeName, String region, GeoPoint location, String address,
      Eligibility eligibility, int bedCount) {}

  public record ShelterView(Shelter shelter, BedCounts beds) {}

  /**
   * The shelter is stored first (with its bed count), then its beds: a crash in between leaves a
   * shelter short of beds, which the reconciler completes; the reverse order could leave beds of
   * a shelter that does not exist.
   */
  public ShelterView register(Caller coordinator, NewShelter command) {
    String id = command.id() != null ? command.id() : "shelter-" + UUID.randomUUID().toString().substring(0, 8);
    if (shelters.findById(id).isPresent()) {
      throw ApiException.conflict("A shelter with this id exists already");
    }
    Shelter shelter = new Shelter(id, command.codeName(), command.region(), ShelterStatus.OPEN,
        command.eligibility(), command.location().roundedTo(Shelter.AREA_STEP_DEGREES),
        secrets.sealLocation(id, command.location()), secrets.sealAddress(id, command.address()),
        command.bedCount());
    if (!shelters.insert(shelter)) {
      throw ApiException.conflict("A shelter with this id exists already");
    }
    beds.ensureBeds(id, command.bedCount(), clock.instant());
    audit.record(new AuditEntry(coordinator.subject(), Role.COORDINATOR.name(), null, "SHELTER_REGISTERED",
        "shelter", id, "ADMINISTRATION", "DONE"));
    waitlist.bedFreed();
    return view(shelter);
  }

  /** Seeds a shelter with a fixed id unless it exists (demo data; start-up is repeatable). */
  public boolean registerIfAbsent(NewShelter command) {
    if (shelters.findById(command.id()).isPresent()) {
      beds.ensureBeds(command.id(), command.bedCount(), clock.instant());
      return false;
    }
    Shelter shelter = new Shelter(command.id(), command.codeName(), command.region(), ShelterStatus.OPEN,
        command.eligibility(), command.location().roundedTo(Shelter.AREA_STEP_DEGREES),
        secrets.sealLocation(command.id(), command.location()),
        secrets.sealAddress(command.id(), command.address()), command.bedCount());
    boolean inserted = shelters.insert(shelter);
    beds.ensureBeds(command.id(), command.bedCount(), clock.instant());
    return inserted;
  }

  public List<ShelterView> list(Caller caller) {
    List<Shelter> visible = caller.has(Role.COORDINATOR) ? shelters.findAll() : shelters.findByIds(caller.shelterIds());
    return views(visible);
  }

  public ShelterView get(Caller caller, String shelterId) {
    return view(visibleShelter(caller, shelterId));
  }

  public ShelterView changeStatus(Caller caller, String shelterId, ShelterStatus status) {
    Shelter shelter = visibleShelter(caller, shelterId);
    Shelter changed;
    try {
      changed = shelter.withStatus(status);
    } catch (IllegalTransitionException e) {
      throw ApiException.conflict(e.getMessage());
    }
    if (changed.status() != shelter.status()) {
      shelters.changeStatus(shelterId, status);
      audit.record(new AuditEntry(caller.subject(), roleOf(caller), null, "SHELTER_STATUS_CHANGED",
          "shelter", shelterId, status.name(), "DONE"));
      if (status == ShelterStatus.OPEN) {
        waitlist.bedFreed();
      }
    }
    return view(changed);
  }

  public List<Bed> beds(Caller caller, String shelterId) {
    visibleShelter(caller, shelterId);
    return beds.findByShelter(shelterId);
  }

  /** Only a free bed goes out of service: a held or occupied one belongs to a placement. */
  public Bed changeBedService(Caller caller, String shelterId, String bedId, boolean inService) {
    visibleShelter(caller, shelterId);
    Bed bed = beds.findById(bedId)
        .filter(b -> b.shelterId().equals(shelterId))
        .orElseThrow(() -> ApiException.notFound("Bed"));
    BedStatus wanted = inService ? BedStatus.AVAILABLE : BedStatus.OUT_OF_SERVICE;
    if (bed.status() != wanted) {
      if (!beds.changeService(bedId, inService, clock.instant())) {
        throw ApiException.conflict("The bed is " + beds.findById(bedId).map(Bed::status).orElse(bed.status())
            + " and cannot change service status now");
      }
      audit.record(new AuditEntry(caller.subject(), roleOf(caller), null, "CAPACITY_CHANGED", "bed", bedId,
          inService ? "BACK_IN_SERVICE" : "OUT_OF_SERVICE", "DONE"));
      if (inService) {
        waitlist.bedFreed();
      }
    }
    return beds.findById(bedId).orElseThrow();
  }

  private Shelter visibleShelter(Caller caller, String shelterId) {
    return shelters.findById(shelterId)
        .filter(shelter -> Access.mayManageShelter(caller, shelter.id()))
        .orElseThrow(() -> ApiException.notFound("Shelter"));
  }

  private ShelterView view(Shelter shelter) {
    return views(List.of(shelter)).getFirst();
  }

  private List<ShelterView> views(Collection<Shelter> list) {
    Map<String, BedCounts> counts = beds.countByShelter(list.stream().map(Shelter::id).toList());
    return list.stream()
        .map(shelter -> new ShelterView(shelter, counts.getOrDefault(shelter.id(), BedCounts.NONE)))
        .toList();
  }

  private static String roleOf(Caller caller) {
    return caller.has(Role.COORDINATOR) ? Role.COORDINATOR.name() : Role.SHELTER_MANAGER.name();
  }
}
