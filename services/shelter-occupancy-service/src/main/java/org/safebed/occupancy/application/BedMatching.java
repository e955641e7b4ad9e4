package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedRepository.PlacementHasBedException;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.GeoCell;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.MatchingPolicy.RankedShelter;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterCandidate;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.TravelEstimate;
import org.safebed.occupancy.domain.TravelEstimates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds and holds a bed for a placement that awaits one (pending or waitlisted).
 *
 * <p>The search reads the coarse-area index ring by ring, nearest cells first, keeps the shelters
 * the policy finds worth locating in a queue ordered by distance, and walks it: a shelter is
 * located (its sealed location opened, audited) only if it has a free bed and no keep-apart
 * conflict, and the walk stops as soon as nothing left, queued or farther away, could rank before
 * the best shelter found. So a search reads a few cells and opens a few locations, however many
 * shelters there are.
 *
 * <p>The walk ranks by straight line (a cheap estimate with a true lower bound, which is what lets
 * it stop early). It goes on until it knows the best few candidates (the shortlist, as many as
 * {@link TravelEstimates#shortlistSize} says are worth it), asks the travel estimates for all of
 * them in one call and ranks them again by the answer: a shelter quicker by road beats one nearer
 * as the crow flies. Without an answer (transport slow, down or refusing) the straight-line order
 * stands, and the match reasons say which estimate was used.
 *
 * <p>Order of writes, so that a crash anywhere is repairable: the placement exists (PENDING) before
 * any bed is taken; a bed is taken by one conditional update naming the placement (a placement can
 * hold only one); the shelter is then read again, so a shelter closed or compromised meanwhile, or
 * a keep-apart conflict that arrived at the same moment, gives the bed back; then the placement
 * becomes HELD together with its bed-held event. A crash before the last write leaves a bed held
 * for a placement that is still PENDING: the next {@link #match} of that placement (by the
 * reconciler or a retried request) finds the bed and finishes the hold instead of taking another.
 */
@Component
public class BedMatching {

  private static final Logger log = LoggerFactory.getLogger(BedMatching.class);
  /** Shelters given up on (beds gone, conflict, closed) before the placement is waitlisted. */
  private static final int MAX_REFUSED = 25;
  private static final double FIRST_RING_KM = 40;
  private static final double RING_GROWTH = 3;
  /**
   * Free beds read per located shelter: enough for requests racing for one shelter to spread over
   * its beds. If others take all of them first, the shelter's beds are read again.
   */
  private static final int FREE_BEDS_READ = 16;
  /** Each further read follows a round in which others took every bed read: it stops a livelock. */
  private static final int MAX_READS_OF_ONE_SHELTER = 50;

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final ShelterSecrets secrets;
  private final MatchingPolicy policy;
  private final TravelEstimates travelEstimates;
  private final OccupancyProperties properties;
  private final Clock clock;

  public BedMatching(
      PlacementRepository placements,
      ShelterRepository shelters,
      BedRepository beds,
      ShelterSecrets secrets,
      MatchingPolicy policy,
      TravelEstimates travelEstimates,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.shelters = shelters;
    this.beds = beds;
    this.secrets = secrets;
    this.policy = policy;
    this.travelEstimates = travelEstimates;
    this.properties = properties;
    this.clock = clock;
  }

  /** The best shelter found, the free beds seen there, and how many shelters were located. */
  public record Choice(RankedShelter ranked, List<String> freeBeds, int located) {}

  /** Holds a bed for the placement or waitlists it; answers the placement as stored afterwards. */
  public Placement match(Placement placement) {
    return match(placement, false);
  }

  /**
   * @param fresh the placement was stored just now by this caller, so no bed can be held for it yet
   *     (saves a read on the common path)
   */
  public Placement match(Placement placement, boolean fresh) {
    if (!placement.isAwaitingBed()) {
      return placement;
    }
    if (!fresh) {
      Optional<Placement> resumed = resumeHeldBed(placement);
      if (resumed.isPresent()) {
        return resumed.get();
      }
    }
    Walk walk = new Walk(placement);
    for (int refused = 0; refused < MAX_REFUSED; refused++) {
      Optional<Choice> choice = walk.best();
      if (choice.isEmpty()) {
        break;
      }
      Optional<Placement> held = tryHold(placement, choice.get());
      if (held.isPresent()) {
        return held.get();
      }
      // Lost the race for its last bed, or the shelter changed meanwhile: the next best is tried.
      walk.refuse(choice.get());
    }
    return waitlist(placement);
  }

  /**
   * One search, resumable: after a refusal it goes on from where it stopped instead of reading the
   * same cells and beds again (or asking for the same estimates again).
   */
  private final class Walk {
    private final Placement placement;
    private final PlacementRequest request;
    private final GeoPoint from;
    private final Instant now = clock.instant();
    private final int shortlistSize = Math.max(1, travelEstimates.shortlistSize());
    private final List<GeoCell.Nearby> cells;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(
        Comparator.comparingDouble(Queued::km).thenComparing(q -> q.shelter().id()));
    private final List<Queued> deferred = new ArrayList<>();
    private final List<Choice> viable = new ArrayList<>();
    private final Map<String, TravelEstimate> estimated = new HashMap<>();
    /** Where someone in a keep-apart relation with her has a bed: read once for the whole walk. */
    private final Set<String> keepApartConflicts;
    private boolean estimatesUnavailable;
    private int nextCell;
    private double reachedKm;
    private int located;

    Walk(Placement placement) {
      this.placement = placement;
      this.request = placement.request();
      this.from = request.location();
      this.cells = GeoCell.nearestFirst(from, policy.searchRadiusKm());
      this.keepApartConflicts = sheltersKeptApartFrom(placement);
    }

    /** The best candidate by the best estimate to be had, within her maximum travel time. */
    Optional<Choice> best() {
      while (true) {
        List<Choice> shortlist = shortlist();
        if (shortlist.isEmpty()) {
          return Optional.empty();
        }
        List<RankedShelter> again = policy.rankAgain(
            shortlist.stream().map(Choice::ranked).toList(), estimatesFor(shortlist));
        for (RankedShelter ranked : again) {
          Choice choice = choiceOf(ranked.shelter().id());
          if (policy.withinMaxTravel(ranked, request)) {
            return Optional.of(new Choice(ranked, choice.freeBeds(), located));
          }
          // Beyond her maximum by road: out, like a refused one; the search goes on.
          refuse(choice);
        }
      }
    }

    void refuse(Choice choice) {
      viable.removeIf(c -> c.ranked().shelter().id().equals(choice.ranked().shelter().id()));
      queue.addAll(deferred);
      deferred.clear();
    }

    /**
     * Searches until the best {@code shortlistSize} candidates by straight line are known: a
     * shelter that cannot beat the last of them cannot enter the shortlist.
     */
    private List<Choice> shortlist() {
      while (true) {
        List<Choice> byStraightLine =
            viable.stream().sorted((a, b) -> policy.ranking().compare(a.ranked(), b.ranked())).toList();
        Choice last = byStraightLine.size() >= shortlistSize ? byStraightLine.get(shortlistSize - 1) : null;
        loadWhileUnreadCouldWin(last);
        Queued next = queue.peek();
        if (next == null) {
          return byStraightLine.subList(0, Math.min(shortlistSize, byStraightLine.size()));
        }
        if (last != null && !policy.couldBeat(next.shelter(), request, last.ranked(), now)) {
          if (!policy.anythingFartherCouldBeat(next.km(), last.ranked())) {
            return byStraightLine.subList(0, shortlistSize);
          }
          // Cannot enter this shortlist, but may matter if one of it is refused.
          deferred.add(queue.poll());
          continue;
        }
        queue.poll();
        if (keepApartConflicts.contains(next.shelter().id())) {
          continue;
        }
        locate(placement, next.shelter(), now).ifPresent(choice -> {
          located++;
          viable.add(choice);
        });
      }
    }

    /**
     * The estimates of the shortlist, in its order: one call for the candidates not asked about
     * yet; once the estimates failed, this walk does not wait for them again.
     */
    private List<TravelEstimate> estimatesFor(List<Choice> shortlist) {
      List<Shelter> unasked = shortlist.stream().map(c -> c.ranked().shelter())
          .filter(shelter -> !estimated.containsKey(shelter.id()))
          .toList();
      if (!unasked.isEmpty() && !estimatesUnavailable) {
        Optional<List<TravelEstimate>> answer =
            travelEstimates.from(request.pickupArea(), unasked.stream().map(Shelter::area).toList());
        if (answer.isPresent() && answer.get().size() == unasked.size()) {
          for (int i = 0; i < unasked.size(); i++) {
            estimated.put(unasked.get(i).id(), answer.get().get(i));
          }
        } else {
          estimatesUnavailable = true;
        }
      }
      List<RankedShelter> ranked = shortlist.stream().map(Choice::ranked).toList();
      List<TravelEstimate> fallback = MatchingPolicy.straightLineFallback(ranked);
      List<TravelEstimate> estimates = new ArrayList<>();
      for (int i = 0; i < ranked.size(); i++) {
        estimates.add(estimated.getOrDefault(ranked.get(i).shelter().id(), fallback.get(i)));
      }
      return estimates;
    }

    private Choice choiceOf(String shelterId) {
      return viable.stream().filter(c -> c.ranked().shelter().id().equals(shelterId)).findFirst().orElseThrow();
    }

    /** Reads more cells while a shelter not read yet could be nearer than the nearest queued one. */
    private void loadWhileUnreadCouldWin(Choice last) {
      while (nextCell < cells.size() && (queue.isEmpty() || queue.peek().km() > reachedKm)
          && (last == null || policy.anythingFartherCouldBeat(reachedKm, last.ranked()))
          && !policy.beyondReach(reachedKm, request)) {
        reachedKm = reachedKm == 0 ? FIRST_RING_KM : reachedKm * RING_GROWTH;
        List<GeoCell> ring = new ArrayList<>();
        while (nextCell < cells.size() && cells.get(nextCell).km() <= reachedKm) {
          ring.add(cells.get(nextCell++).cell());
        }
        for (Shelter shelter : shelters.findInCells(ring)) {
          if (policy.worthLocating(shelter, request)) {
            queue.add(new Queued(shelter, shelter.area().distanceKmTo(from)));
          }
        }
      }
    }
  }

  private record Queued(Shelter shelter, double km) {}

  /**
   * The shelter ranked with its exact location, if it has a free bed and she may go there (the
   * caller has already left out shelters with a keep-apart conflict).
   */
  private Optional<Choice> locate(Placement placement, Shelter shelter, Instant now) {
    List<String> free = beds.availableBedIds(shelter, FREE_BEDS_READ);
    if (free.isEmpty()) {
      return Optional.empty();
    }
    GeoPoint location = secrets.locationForMatching(shelter, placement.requestedBy());
    ShelterCandidate candidate = new ShelterCandidate(shelter, location);
    if (!policy.qualifies(candidate, placement.request())) {
      return Optional.empty();
    }
    return Optional.of(new Choice(new RankedShelter(shelter,
        policy.travelTime().estimate(placement.request().location(), location), policy.isStale(shelter, now)),
        free, 0));
  }

  /** Where someone she must be kept apart from (either way) holds or occupies a bed. */
  private Set<String> sheltersKeptApartFrom(Placement placement) {
    if (!placement.hasKeepApartFacts()) {
      return Set.of();
    }
    return beds.findTakenSharingKeepApartTokens(placement.asOccupant()).stream()
        .filter(bed -> !placement.id().equals(bed.placementId()))
        .filter(bed -> placement.mustBeKeptApartFrom(bed.occupant()))
        .map(Bed::shelterId)
        .collect(Collectors.toSet());
  }

  private Optional<Placement> tryHold(Placement placement, Choice choice) {
    List<String> free = new ArrayList<>(choice.freeBeds());
    for (int round = 0; round < MAX_READS_OF_ONE_SHELTER && !free.isEmpty(); round++) {
      // Requests racing for the same shelter spread over its beds instead of all trying the first.
      Collections.shuffle(free);
      for (String bedId : free) {
        Optional<Bed> bed;
        try {
          bed = beds.hold(bedId, placement.id(), placement.asOccupant(), clock.instant());
        } catch (PlacementHasBedException e) {
          // A concurrent match of the same placement (a retry, the reconciler) took a bed first.
          Placement current = placements.findById(placement.id()).orElseThrow();
          return Optional.of(current.isAwaitingBed() ? match(current) : current);
        }
        if (bed.isPresent()) {
          return confirmHold(placement, choice, bedId);
        }
      }
      // Others took every bed read: only some of the shelter's free beds were read, so look again.
      free = beds.availableBedIds(choice.ranked().shelter(), FREE_BEDS_READ);
    }
    return Optional.empty();
  }

  /**
   * Re-reads the shelter after taking the bed: a shelter closed or compromised since the search,
   * or a keep-apart conflict with someone who took a bed there at the same moment, gives the bed
   * back (both may give way; neither can miss the other, since each wrote before it read).
   */
  private Optional<Placement> confirmHold(Placement placement, Choice choice, String bedId) {
    Optional<Shelter> shelter = shelters.findById(choice.ranked().shelter().id());
    boolean stillOk = shelter.isPresent() && shelter.get().acceptsPlacements()
        && !sheltersKeptApartFrom(placement).contains(shelter.get().id());
    if (!stillOk) {
      beds.release(bedId, placement.id(), clock.instant());
      log.info("Placement {} gave back bed {}: shelter closed or keep-apart conflict", placement.id(), bedId);
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>(policy.reasons(choice.ranked(), 1, choice.located(), placement.request()));
    return Optional.of(completeHold(placement, shelter.get(), bedId, reasons));
  }

  private Optional<Placement> resumeHeldBed(Placement placement) {
    for (Bed bed : beds.findByPlacement(placement.id())) {
      if (bed.status() == BedStatus.HELD) {
        Optional<Shelter> shelter = shelters.findById(bed.shelterId());
        if (shelter.isPresent() && shelter.get().acceptsPlacements()) {
          log.info("Placement {} resumes its held bed {}", placement.id(), bed.id());
          return Optional.of(completeHold(placement, shelter.get(), bed.id(), List.of("RESUMED_HELD_BED")));
        }
        // Closed or compromised since the bed was taken: she will not be sent there.
        beds.release(bed.id(), placement.id(), clock.instant());
      }
    }
    return Optional.empty();
  }

  private Placement completeHold(Placement placement, Shelter shelter, String bedId, List<String> reasons) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.holdDuration());
    Placement.Change held = placement.holdBed(shelter, bedId, expiresAt, now, reasons);
    Optional<Placement> saved = placements.save(held.placement(), held.events());
    if (saved.isPresent()) {
      log.info("Placement {} holds bed {} of shelter {}", placement.id(), bedId, shelter.id());
      return saved.get();
    }
    // Someone else changed the placement meanwhile (a concurrent retry holding the same or another
    // bed, a cancellation): keep what they stored and give this bed back unless it is theirs too.
    Placement current = placements.findById(placement.id()).orElseThrow();
    boolean ours = current.hold() != null && bedId.equals(current.hold().bedId())
        && current.status().hasBed();
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
