package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.MatchingPolicy.RankedShelter;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterCandidate;
import org.safebed.occupancy.domain.ShelterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds and holds a bed for a placement that awaits one (pending or waitlisted).
 *
 * <p>Order of writes, so that a crash anywhere is repairable: the placement exists (PENDING) before
 * any bed is taken; a bed is taken by one conditional update naming the placement; then the
 * placement becomes HELD together with its bed-held event. A crash between the last two leaves a
 * bed held for a placement that is still PENDING: the next {@link #match} of that placement (by the
 * reconciler or a retried request) finds the bed and finishes the hold instead of taking another.
 */
@Component
public class BedMatching {

  private static final Logger log = LoggerFactory.getLogger(BedMatching.class);

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final ShelterSecrets secrets;
  private final MatchingPolicy policy;
  private final OccupancyProperties properties;
  private final Clock clock;

  public BedMatching(
      PlacementRepository placements,
      ShelterRepository shelters,
      BedRepository beds,
      ShelterSecrets secrets,
      MatchingPolicy policy,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.shelters = shelters;
    this.beds = beds;
    this.secrets = secrets;
    this.policy = policy;
    this.properties = properties;
    this.clock = clock;
  }

  /** Holds a bed for the placement or waitlists it; answers the placement as stored afterwards. */
  public Placement match(Placement placement) {
    if (!placement.isAwaitingBed()) {
      return placement;
    }
    Optional<Placement> resumed = resumeHeldBed(placement);
    if (resumed.isPresent()) {
      return resumed.get();
    }
    for (RankedShelter ranked : rankedCandidates(placement)) {
      Optional<Bed> bed = beds.holdAvailable(ranked.shelter().id(), placement.id(), clock.instant());
      if (bed.isPresent()) {
        return completeHold(placement, ranked.shelter(), bed.get().id());
      }
      // Lost the race for this shelter's last bed: the next shelter in the ranking is tried.
    }
    return waitlist(placement);
  }

  private Optional<Placement> resumeHeldBed(Placement placement) {
    for (Bed bed : beds.findByPlacement(placement.id())) {
      if (bed.status() == BedStatus.HELD) {
        Optional<Shelter> shelter = shelters.findById(bed.shelterId());
        if (shelter.isPresent()) {
          log.info("Placement {} resumes its held bed {}", placement.id(), bed.id());
          return Optional.of(completeHold(placement, shelter.get(), bed.id()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Shelters that could take her, best first. Exact locations are opened (and audited) only for
   * open, eligible shelters in range that have a free bed right now.
   */
  private List<RankedShelter> rankedCandidates(Placement placement) {
    List<Shelter> plausible = shelters.findOpen().stream()
        .filter(shelter -> policy.worthLocating(shelter, placement.request()))
        .toList();
    if (plausible.isEmpty()) {
      return List.of();
    }
    Map<String, BedCounts> counts = beds.countByShelter(plausible.stream().map(Shelter::id).toList());
    List<ShelterCandidate> candidates = plausible.stream()
        .filter(shelter -> counts.getOrDefault(shelter.id(), BedCounts.NONE).available() > 0)
        .map(shelter -> new ShelterCandidate(shelter,
            secrets.locationForMatching(shelter, placement.requestedBy())))
        .toList();
    return policy.rank(placement.request(), candidates);
  }

  private Placement completeHold(Placement placement, Shelter shelter, String bedId) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.holdDuration());
    Placement.Change held = placement.holdBed(shelter, bedId, expiresAt, now);
    Optional<Placement> saved = placements.save(held.placement(), held.events());
    if (saved.isPresent()) {
      log.info("Placement {} holds bed {} of shelter {}", placement.id(), bedId, shelter.id());
      return saved.get();
    }
    // Someone else changed the placement meanwhile (a concurrent retry holding the same or another
    // bed, a cancellation): keep what they stored and give this bed back unless it is theirs too.
    Placement current = placements.findById(placement.id()).orElseThrow();
    boolean ours = current.hold() != null && bedId.equals(current.hold().bedId())
        && !current.status().isFinal();
    if (!ours && beds.release(bedId, placement.id(), now)) {
      log.info("Placement {} changed concurrently; bed {} given back", placement.id(), bedId);
    }
    if (current.isAwaitingBed()) {
      return match(current);
    }
    return current;
  }

  private Placement waitlist(Placement placement) {
    Placement.Change change = placement.waitlist(clock.instant());
    if (!change.changed()) {
      return placement;
    }
    Optional<Placement> saved = placements.save(change.placement(), change.events());
    if (saved.isPresent()) {
      log.info("Placement {} waitlisted: no eligible bed free", placement.id());
      return saved.get();
    }
    return match(placements.findById(placement.id()).orElseThrow());
  }
}
