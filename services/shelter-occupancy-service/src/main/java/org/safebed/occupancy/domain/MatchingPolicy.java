package org.safebed.occupancy.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which shelters may take a person, best first.
 *
 * <p>A shelter qualifies when it is open, its eligibility admits her (age band, gender, needs,
 * specialisms, a common language), it lies outside every exclusion zone, within the search radius
 * and within her maximum travel time. Keep-apart rules need the shelter's occupants and are
 * applied by {@link Placement#mustBeKeptApartFrom}.
 *
 * <p>Ranking: by travel time in bands of {@code rankingBand}; within a band fresh capacity before
 * stale (availability nobody confirmed for {@code staleAfter} may be wrong), then quicker first,
 * then more recently confirmed, then by id (stable results). Bands keep "stale after fresh" from
 * sending her across the country to avoid a stale shelter next door.
 *
 * <p>Every rule that compares the caller's geometry (where she is, her exclusion zones, her
 * maximum travel time) with a shelter uses the shelter's coarse area only, never its exact
 * location: an answer that changed with the exact location would let a caller work it out by
 * bisection (moving a zone's edge, or the pick-up point, and watching where the bed is held). So
 * distances and travel times are measured to the area point, and a zone excludes a shelter when it
 * reaches any point of the area the shelter may lie in (safer than the exact rule: a shelter near
 * a zone's edge counts as inside). The search uses {@code travelTime}, a straight-line estimate;
 * the best few candidates it finds are then ranked again by a better estimate where one can be
 * had ({@link #rankAgain}), also between areas, so a shelter quicker by road wins over one nearer
 * as the crow flies.
 */
public record MatchingPolicy(
    double maxDistanceKm, TravelTimeEstimator travelTime, Duration staleAfter, Duration rankingBand) {

  public MatchingPolicy {
    if (maxDistanceKm <= 0) {
      throw new InvalidValueException("the search radius must be positive");
    }
    if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
      throw new InvalidValueException("the staleness limit must be positive");
    }
    if (rankingBand == null || rankingBand.isNegative() || rankingBand.isZero()) {
      throw new InvalidValueException("the ranking band must be positive");
    }
  }

  public MatchingPolicy(double maxDistanceKm, TravelTimeEstimator travelTime) {
    this(maxDistanceKm, travelTime, Duration.ofHours(24), Duration.ofMinutes(15));
  }

  /** A qualifying shelter with its travel time and where that estimate comes from. */
  public record RankedShelter(Shelter shelter, Duration travelTime, boolean stale, TravelEstimate.Source source) {
    public RankedShelter(Shelter shelter, Duration travelTime, boolean stale) {
      this(shelter, travelTime, stale, TravelEstimate.Source.STRAIGHT_LINE);
    }

    public RankedShelter(Shelter shelter, Duration travelTime) {
      this(shelter, travelTime, false);
    }

    /** The same shelter, timed by another estimate. */
    public RankedShelter estimatedAs(TravelEstimate estimate) {
      return new RankedShelter(shelter, estimate.time(), stale, estimate.source());
    }
  }

  /**
   * Whether she may be placed there: open, eligible, outside every exclusion zone wherever in its
   * area it lies, within the search radius and her maximum travel time (to its area).
   */
  public boolean qualifies(Shelter shelter, PlacementRequest request) {
    double km = shelter.area().distanceKmTo(request.location());
    return shelter.acceptsPlacements()
        && shelter.eligibility().admits(request)
        && km <= maxDistanceKm
        && withinMaxTravel(travelTime.atLeast(km), request)
        && !mayLieInAZone(shelter, request);
  }

  /** The shelter with the search's estimate of her travel time to it. */
  public RankedShelter ranked(Shelter shelter, PlacementRequest request, Instant now) {
    return new RankedShelter(shelter, travelTime.estimate(request.location(), shelter.area()),
        shelter.isCapacityStale(now, staleAfter));
  }

  public List<RankedShelter> rank(PlacementRequest request, List<Shelter> candidates) {
    return rank(request, candidates, Instant.now());
  }

  /** Qualifying candidates, best first. */
  public List<RankedShelter> rank(PlacementRequest request, List<Shelter> candidates, Instant now) {
    return candidates.stream()
        .filter(shelter -> qualifies(shelter, request))
        .map(shelter -> ranked(shelter, request, now))
        .sorted(ranking())
        .toList();
  }

  /** A shortlist ranked again, best first, by other estimates: one per candidate, same order. */
  public List<RankedShelter> rankAgain(List<RankedShelter> shortlist, List<TravelEstimate> estimates) {
    if (estimates.size() != shortlist.size()) {
      throw new InvalidValueException("one estimate per candidate is needed");
    }
    List<RankedShelter> again = new ArrayList<>();
    for (int i = 0; i < shortlist.size(); i++) {
      again.add(shortlist.get(i).estimatedAs(estimates.get(i)));
    }
    again.sort(ranking());
    return again;
  }

  /** The shortlist's own straight-line times, marked as standing in for the estimates that could not be had. */
  public static List<TravelEstimate> straightLineFallback(List<RankedShelter> shortlist) {
    return shortlist.stream()
        .map(ranked -> new TravelEstimate(ranked.travelTime(), TravelEstimate.Source.STRAIGHT_LINE_FALLBACK))
        .toList();
  }

  /**
   * Whether she may be driven to the shelter in the time it is estimated at: a better estimate than
   * the search's can still put it beyond her maximum.
   */
  public boolean withinMaxTravel(RankedShelter ranked, PlacementRequest request) {
    return withinMaxTravel(ranked.travelTime(), request);
  }

  public Comparator<RankedShelter> ranking() {
    return Comparator.comparingLong((RankedShelter r) -> band(r.travelTime()))
        .thenComparing(RankedShelter::stale)
        .thenComparing(RankedShelter::travelTime)
        .thenComparing(r -> r.shelter().capacityConfirmedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(r -> r.shelter().id());
  }

  /**
   * Whether a shelter not looked at yet (its free beds not read) could rank before {@code best}
   * by the search's estimate. False means it can be skipped.
   */
  public boolean couldBeat(Shelter shelter, PlacementRequest request, RankedShelter best, Instant now) {
    return ranking().compare(ranked(shelter, request, now), best) < 0;
  }

  /**
   * Whether any shelter whose area is at least {@code straightLineKm} away could rank before
   * {@code best}: when not, the search needs to look no farther.
   */
  public boolean anythingFartherCouldBeat(double straightLineKm, RankedShelter best) {
    Duration quickest = travelTime.atLeast(straightLineKm);
    long quickestBand = band(quickest);
    long bestBand = band(best.travelTime());
    return quickestBand < bestBand || (quickestBand == bestBand && (best.stale() || quickest.compareTo(best.travelTime()) <= 0));
  }

  /** How far matching looks: areas farther than the search radius never qualify. */
  public double searchRadiusKm() {
    return maxDistanceKm;
  }

  /** Whether shelters whose areas are at least {@code straightLineKm} away are all beyond her maximum travel time. */
  public boolean beyondReach(double straightLineKm, PlacementRequest request) {
    return !withinMaxTravel(travelTime.atLeast(straightLineKm), request);
  }

  public boolean isStale(Shelter shelter, Instant now) {
    return shelter.isCapacityStale(now, staleAfter);
  }

  /** Why this shelter: codes and numbers only, never a location (shown to coordinators). */
  public List<String> reasons(RankedShelter chosen, int rank, int ranked, PlacementRequest request) {
    List<String> reasons = new ArrayList<>();
    reasons.add("ELIGIBLE: age " + request.person().ageYears() + ", " + request.person().gender()
        + (request.needs().isEmpty() ? "" : ", needs " + sorted(request.needs()))
        + (request.specialisms().isEmpty() ? "" : ", specialisms " + sorted(request.specialisms()))
        + (request.languages().isEmpty() ? "" : ", a common language"));
    if (!request.exclusionZones().isEmpty()) {
      reasons.add("OUTSIDE_EXCLUSION_ZONES: " + request.exclusionZones().size());
    }
    if (!request.keepApart().isEmpty()) {
      reasons.add("NO_KEEP_APART_CONFLICT: " + request.keepApart().size() + " references");
    }
    reasons.add("TRAVEL_MINUTES: " + chosen.travelTime().toMinutes()
        + (request.maxTravelMinutes() == null ? "" : " (max " + request.maxTravelMinutes() + ")"));
    reasons.add("TRAVEL_ESTIMATE: " + chosen.source());
    reasons.add(chosen.stale() ? "CAPACITY_STALE" : "CAPACITY_FRESH");
    reasons.add("RANK: " + rank + " of " + ranked + " candidates with a free bed");
    return reasons;
  }

  private long band(Duration travel) {
    return travel.toSeconds() / rankingBand.toSeconds();
  }

  private static boolean withinMaxTravel(Duration travel, PlacementRequest request) {
    return request.maxTravelMinutes() == null || travel.compareTo(Duration.ofMinutes(request.maxTravelMinutes())) <= 0;
  }

  /** A zone that reaches any point of the shelter's area: she might be inside it there. */
  private static boolean mayLieInAZone(Shelter shelter, PlacementRequest request) {
    return request.exclusionZones().stream()
        .anyMatch(zone -> shelter.nearestPossibleKmFrom(zone.centre()) <= zone.radiusKm());
  }

  private static String sorted(java.util.Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toList().toString();
  }
}
