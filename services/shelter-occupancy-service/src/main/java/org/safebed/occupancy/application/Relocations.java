package org.safebed.occupancy.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.safebed.occupancy.application.PlacementChanges.Applied;
import org.safebed.occupancy.domain.IllegalTransitionException;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementRepository.DuplicateRequestException;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.sealing.FieldSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves every resident out of a compromised shelter: each person held there, living there or
 * reported missing from there gets an urgent relocation placement (same requester, same person and
 * safety constraints, urgency CRITICAL), matched elsewhere at once or first on the waitlist; the old
 * placement becomes RELOCATED and its bed is given up.
 *
 * <p>Idempotent and repairable without transactions: the relocation's id derives from the old
 * placement's, so a repeat finds it instead of creating another; the reconciler runs this again
 * for every compromised shelter, finishing whatever a crash interrupted.
 */
@Component
public class Relocations {

  private static final Logger log = LoggerFactory.getLogger(Relocations.class);

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final PlacementChanges changes;
  private final BedMatching matching;
  private final BedRelease release;
  private final Waitlist waitlist;
  private final FieldSealer sealer;
  private final AuditTrail audit;
  private final Clock clock;

  public Relocations(
      PlacementRepository placements,
      ShelterRepository shelters,
      PlacementChanges changes,
      BedMatching matching,
      BedRelease release,
      Waitlist waitlist,
      FieldSealer sealer,
      AuditTrail audit,
      Clock clock) {
    this.placements = placements;
    this.shelters = shelters;
    this.changes = changes;
    this.matching = matching;
    this.release = release;
    this.waitlist = waitlist;
    this.sealer = sealer;
    this.audit = audit;
    this.clock = clock;
  }

  /** @return how many residents were moved out (or found moved out already by an earlier run) */
  public int relocateResidentsOf(String shelterId) {
    Optional<Shelter> shelter = shelters.findById(shelterId).filter(Shelter::isCompromised);
    if (shelter.isEmpty()) {
      return 0;
    }
    int moved = 0;
    for (Placement resident : placements.findWithBedAt(shelterId)) {
      if (relocate(resident, shelter.get())) {
        moved++;
      }
    }
    return moved;
  }

  public static String relocationIdFor(String placementId) {
    return "relocation-" + UUID.nameUUIDFromBytes(("relocation:" + placementId).getBytes(StandardCharsets.UTF_8));
  }

  private boolean relocate(Placement old, Shelter compromised) {
    Instant now = clock.instant();
    String newId = relocationIdFor(old.id());
    Placement replacement = placements.findById(newId).orElseGet(() -> create(old, newId, compromised, now));
    Applied applied;
    try {
      applied = changes.apply(old.id(), p -> p.relocateTo(newId, now)).orElseThrow();
    } catch (IllegalTransitionException e) {
      // Checked out or cancelled at this very moment: nobody is left there to move.
      log.info("Placement {} ended before it could be relocated", old.id());
      return false;
    }
    release.releaseBedOf(applied.after());
    Placement result = matching.match(placements.findById(newId).orElse(replacement));
    if (result.status() == PlacementStatus.WAITLISTED) {
      waitlist.joined();
    }
    log.warn("Placement {} relocated out of compromised shelter {} as {} ({})", old.id(), compromised.id(), newId,
        result.status());
    return true;
  }

  private Placement create(Placement old, String newId, Shelter compromised, Instant now) {
    audit.record(new AuditEntry(ShelterSecrets.SYSTEM_ACTOR, "SYSTEM", old.requestedBy(), "CASE_REF_OPENED",
        "placement", old.id(), "RELOCATION", "GRANTED"));
    // Sealed values are bound to their record: the reference is sealed again for the new placement.
    String caseRef = sealer.unseal(old.sealedCaseRef(), old.id(), PlacementRequests.CASE_REF_LABEL);
    Placement fresh = old.relocation(newId, sealer.seal(caseRef, newId, PlacementRequests.CASE_REF_LABEL),
        compromised.area(), now);
    try {
      placements.insert(fresh);
      return fresh;
    } catch (DuplicateRequestException e) {
      return placements.findById(newId).orElseThrow();
    }
  }
}
