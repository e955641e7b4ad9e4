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
import org.safebed.occupancy.domain.BedRepository;
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

/**
 * One placement's search for the best shelter with a free bed; {@link BedMatching} holds the bed.
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
 * <p>A new request does not take a bed that someone ahead of it on the waitlist (as urgent or more,
 * and older) could have: when as many of them could go to a shelter as it has free beds, it leaves
 * that shelter to the waitlist, which is told at once ({@link #leftToWaitlist}), and looks further.
 * Otherwise a bed freed just as a request arrives would go to the newcomer whenever it won the race
 * with the waitlist's round.
 *
 * <p>One search, resumable: after a refusal it goes on from where it stopped instead of reading the
 * same cells and beds again (or asking for the same estimates again).
 */
final class ShelterSearch {

  private static final double FIRST_RING_KM = 40;
  private static final double RING_GROWTH = 3;
  /**
   * Free beds read per candidate shelter: enough for requests racing for one shelter to spread over
   * its beds. If others take all of them first, the shelter's beds are read again.
   */
  static final int FREE_BEDS_READ = 16;
  /**
   * Beds sampled per candidate shelter in the one read that checks the next few candidates at once;
   * a shelter whose sample has no free bed has its beds read properly.
   */
  private static final int BEDS_SAMPLED = 8;
  /** Waitlisted placements a new request reads to know whom to leave a shelter to. */
  private static final int WAITING_READ = 500;

  /** The best shelter found, the free beds seen there, and how many candidates with free beds were seen. */
  record Choice(RankedShelter ranked, List<String> freeBeds, int located) {}

  private record Queued(Shelter shelter, double km) {}

  private final ShelterRepository shelters;
  private final BedRepository beds;
  private final PlacementRepository placements;
  private final TravelEstimates travelEstimates;
  private final MatchingPolicy policy;
  private final Placement placement;
  private final PlacementRequest request;
  private final GeoPoint from;
  private final Instant now;
  private final int shortlistSize;
  private final List<GeoCell.Nearby> cells;
  private final PriorityQueue<Queued> queue = new PriorityQueue<>(
      Comparator.comparingDouble(Queued::km).thenComparing(q -> q.shelter().id()));
  private final List<Queued> deferred = new ArrayList<>();
  private final List<Choice> viable = new ArrayList<>();
  private final Map<String, TravelEstimate> estimated = new HashMap<>();
  /** Where someone in a keep-apart relation with her has a bed: read once for the whole search. */
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

  /**
   * @param newRequest the placement was stored just now: it leaves a shelter to those waiting
   *     ahead of it (see the class comment)
   */
  ShelterSearch(
      Placement placement,
      boolean newRequest,
      ShelterRepository shelters,
      BedRepository beds,
      PlacementRepository placements,
      TravelEstimates travelEstimates,
      MatchingPolicy policy,
      Clock clock) {
    this.shelters = shelters;
    this.beds = beds;
    this.placements = placements;
    this.travelEstimates = travelEstimates;
    this.policy = policy;
    this.placement = placement;
    this.newRequest = newRequest;
    this.now = clock.instant();
    this.shortlistSize = Math.max(1, travelEstimates.shortlistSize());
    this.request = placement.request();
    this.from = request.location();
    this.cells = GeoCell.nearestFirst(from, policy.searchRadiusKm());
    this.keepApartConflicts = KeepApartRelations.of(placement, beds).forbiddenShelters();
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

  /** The choice is out (its beds gone, a conflict, closed): the next {@link #best} looks further. */
  void refuse(Choice choice) {
    viable.removeIf(c -> c.ranked().shelter().id().equals(choice.ranked().shelter().id()));
    queue.addAll(deferred);
    deferred.clear();
  }

  /** The shelters this new request left to the waitlisted placements ahead of it. */
  Set<String> leftToWaitlist() {
    return Collections.unmodifiableSet(leftToWaitlist);
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
      Optional<Choice> candidate = withFreeBeds(next.shelter(), freeBedsOf(next.shelter()))
          .filter(choice -> !othersAheadWouldTakeAll(next.shelter(), choice.freeBeds().size()));
      if (candidate.isPresent()) {
        located++;
        viable.add(candidate.get());
      }
    }
  }

  /**
   * The estimates of the shortlist, in its order: one call for the candidates not asked about
   * yet; once the estimates failed, this search does not wait for them again.
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

  /**
   * The shelter ranked, if it has a free bed (the caller has already left out shelters she does
   * not qualify for and those with a keep-apart conflict).
   */
  private Optional<Choice> withFreeBeds(Shelter shelter, List<String> free) {
    if (free.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Choice(policy.ranked(shelter, request, now), free, 0));
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
