package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Alert;
import org.safebed.platform.web.notifications.NotificationKind;
import org.safebed.occupancy.domain.AlertRepository;
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
 * the policy finds she qualifies for in a queue ordered by distance, and walks it: a shelter is a
 * candidate only if it has a free bed and no keep-apart conflict, and the walk stops as soon as
 * nothing left, queued or farther away, could rank before the best shelter found. So a search
 * reads a few cells and the free beds of a few shelters, however many shelters there are. No
 * sealed location is opened: the policy judges shelters by their areas only (see
 * {@link MatchingPolicy}), so that no answer depends on where exactly a shelter is.
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
 *
 * <p>A new request does not take a bed that someone ahead of it on the waitlist (as urgent or more,
 * and older) could have: when as many of them could go to a shelter as it has free beds, it leaves
 * that shelter to the waitlist, which is told at once, and looks further. Otherwise a bed freed just as a request arrives would go to the newcomer whenever it won
 * the race with the waitlist's round.
 */
@Component
public class BedMatching {

  private static final Logger log = LoggerFactory.getLogger(BedMatching.class);
  /** Shelters given up on (beds gone, conflict, closed) before the placement is waitlisted. */
  private static final int MAX_REFUSED = 25;
  private static final double FIRST_RING_KM = 40;
  private static final double RING_GROWTH = 3;
  /**
   * Free beds read per candidate shelter: enough for requests racing for one shelter to spread over
   * its beds. If others take all of them first, the shelter's beds are read again.
   */
  private static final int FREE_BEDS_READ = 16;
  /** Each further read follows a round in which others took every bed read: it stops a livelock. */
  private static final int MAX_READS_OF_ONE_SHELTER = 50;
  /**
   * Beds sampled per candidate shelter in the one read that checks the next few candidates at once;
   * a shelter whose sample has no free bed has its beds read properly.
   */
  private static final int BEDS_SAMPLED = 8;
  /** Waitlisted placements a new request reads to know whom to leave a shelter to. */
  private static final int WAITING_READ = 500;

  private final PlacementRepository placements;
  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final AlertRepository alerts;
  private final OccupancyNotifications notifications;
  private final MatchingPolicy policy;
  private final TravelEstimates travelEstimates;
  private final OccupancyProperties properties;
  private final Clock clock;
  private volatile Consumer<String> leftToWaitlist = shelterId -> {};

  public BedMatching(
      PlacementRepository placements,
      ShelterRepository shelters,
      BedRepository beds,
      AlertRepository alerts,
      OccupancyNotifications notifications,
      MatchingPolicy policy,
      TravelEstimates travelEstimates,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.shelters = shelters;
    this.beds = beds;
    this.alerts = alerts;
    this.notifications = notifications;
    this.policy = policy;
    this.travelEstimates = travelEstimates;
    this.properties = properties;
    this.clock = clock;
  }

  /** Tells the waitlist about a shelter a new request left to it (see the class comment). */
  public void onShelterLeftToWaitlist(Consumer<String> listener) {
    this.leftToWaitlist = listener;
  }

  /** The best shelter found, the free beds seen there, and how many candidates with free beds were seen. */
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
    Walk walk = new Walk(placement, fresh);
    try {
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
    } finally {
      walk.leftToWaitlist.forEach(leftToWaitlist);
    }
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
    /** A new request's: the waitlisted placements ahead of it, read when first needed. */
    private final boolean newRequest;
    private List<Placement> waitingAhead;
    private final Set<String> leftToWaitlist = new HashSet<>();
    /** Free beds seen by the sampling read, for shelters not yet considered. */
    private final Map<String, List<String>> sampledFree = new HashMap<>();
    private boolean estimatesUnavailable;
    private int nextCell;
    private double reachedKm;
    private int located;

    Walk(Placement placement, boolean newRequest) {
      this.placement = placement;
      this.newRequest = newRequest;
      this.request = placement.request();
      this.from = request.location();
      this.cells = GeoCell.nearestFirst(from, policy.searchRadiusKm());
      this.keepApartConflicts = keepApartRelations(placement).forbiddenShelters();
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
        Optional<Choice> candidate = withFreeBeds(next.shelter(), freeBedsOf(next.shelter()), request, now)
            .filter(choice -> !othersAheadWouldTakeAll(next.shelter(), choice.freeBeds().size()));
        if (candidate.isPresent()) {
          located++;
          viable.add(candidate.get());
        }
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

    /**
     * Whether a new request must leave this shelter to those waiting ahead of it: as many of them
     * could take its free beds as it has (of those read).
     */
    private boolean othersAheadWouldTakeAll(Shelter shelter, int freeBeds) {
      if (!newRequest) {
        return false;
      }
      if (waitingAhead == null) {
        waitingAhead = placements.findWaitlisted(WAITING_READ).stream()
            .filter(waiting -> waiting.urgency().rank() >= placement.urgency().rank())
            .toList();
      }
      boolean leave = waitingAhead.stream().filter(waiting -> policy.qualifies(shelter, waiting.request()))
          .count() >= freeBeds;
      if (leave) {
        leftToWaitlist.add(shelter.id());
      }
      return leave;
    }

    /**
     * The shelter's free beds: from the sample when it saw some; the sample is read, for this
     * shelter and the next nearest queued ones together, when it has not been yet.
     */
    private List<String> freeBedsOf(Shelter shelter) {
      if (!sampledFree.containsKey(shelter.id())) {
        List<Shelter> nextOnes = new ArrayList<>(List.of(shelter));
        queue.stream().sorted(queue.comparator()).map(Queued::shelter)
            .filter(queued -> !sampledFree.containsKey(queued.id()) && !queued.id().equals(shelter.id()))
            .limit(2L * shortlistSize - 1)
            .forEach(nextOnes::add);
        sampledFree.putAll(beds.sampleAvailableBedIds(nextOnes, BEDS_SAMPLED));
      }
      List<String> sampled = sampledFree.remove(shelter.id());
      sampledFree.put(shelter.id(), List.of());
      return sampled == null || sampled.isEmpty() ? beds.availableBedIds(shelter, FREE_BEDS_READ) : sampled;
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
          if (policy.qualifies(shelter, request)) {
            queue.add(new Queued(shelter, shelter.area().distanceKmTo(from)));
          }
        }
      }
    }
  }

  private record Queued(Shelter shelter, double km) {}

  /**
   * The shelter ranked, if it has a free bed (the caller has already left out shelters she does
   * not qualify for and those with a keep-apart conflict).
   */
  private Optional<Choice> withFreeBeds(Shelter shelter, List<String> free, PlacementRequest request, Instant now) {
    if (free.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Choice(policy.ranked(shelter, request, now), free, 0));
  }

  /**
   * Her keep-apart relations with people in beds (either of them named the other): the shelters
   * matching must not send her to (rules within one agency), and, by shelter, the placements of
   * other agencies she has a rule with (for coordinators to judge, see {@link Placement#mustBeKeptApartFrom}).
   */
  private record KeepApart(Set<String> forbiddenShelters, Map<String, List<String>> acrossAgenciesByShelter) {
    static final KeepApart NONE = new KeepApart(Set.of(), Map.of());
  }

  private KeepApart keepApartRelations(Placement placement) {
    if (!placement.hasKeepApartFacts()) {
      return KeepApart.NONE;
    }
    Set<String> forbidden = new HashSet<>();
    Map<String, List<String>> acrossAgencies = new HashMap<>();
    for (Bed bed : beds.findTakenSharingKeepApartTokens(placement.asOccupant())) {
      if (placement.id().equals(bed.placementId())) {
        continue;
      }
      if (placement.mustBeKeptApartFrom(bed.occupant())) {
        forbidden.add(bed.shelterId());
      } else if (placement.sharesKeepApartRuleAcrossAgencies(bed.occupant())) {
        acrossAgencies.computeIfAbsent(bed.shelterId(), shelter -> new ArrayList<>()).add(bed.placementId());
      }
    }
    return new KeepApart(forbidden, acrossAgencies);
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
    KeepApart keepApart = keepApartRelations(placement);
    boolean stillOk = shelter.isPresent() && shelter.get().acceptsPlacements()
        && !keepApart.forbiddenShelters().contains(shelter.get().id());
    if (!stillOk) {
      beds.release(bedId, placement.id(), clock.instant());
      log.info("Placement {} gave back bed {}: shelter closed or keep-apart conflict", placement.id(), bedId);
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>(policy.reasons(choice.ranked(), 1, choice.located(), placement.request()));
    Placement held = completeHold(placement, shelter.get(), bedId, reasons);
    if (shelter.get().id().equals(held.shelterId()) && held.status().hasBed()) {
      for (String other : keepApart.acrossAgenciesByShelter().getOrDefault(shelter.get().id(), List.of())) {
        Alert review = Alert.keepApartReview(held.id(), other, shelter.get().region(), clock.instant());
        alerts.raise(review);
        notifications.forCoordinators(review.id(), NotificationKind.KEEP_APART_REVIEW, held.id());
        log.warn("Placement {} shares a shelter with placement {} of another agency it has a keep-apart rule with:"
            + " coordinators alerted", held.id(), other);
      }
    }
    return Optional.of(held);
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
