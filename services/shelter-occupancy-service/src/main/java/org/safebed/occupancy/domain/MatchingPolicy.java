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
 * <p>Matching runs in two steps so that exact locations are opened only when needed: a cheap
 * pre-selection on clear facts and the coarse area ({@link #worthLocating}, {@link #couldBeat}),
 * then the exact rules on the few remaining candidates ({@link #rank}). The hard rules and the
 * search use {@code travelTime}, a straight-line estimate that has a true lower bound; the best few
 * candidates it finds are then ranked again by a better estimate where one can be had
 * ({@link #rankAgain}), so a shelter quicker by road wins over one nearer as the crow flies.
 */
public record MatchingPolicy(
    double maxDistanceKm, TravelTimeEstimator travelTime, Duration staleAfter, Duration rankingBand) {

  /** The coarse area is the location rounded to 0.05°: at most ~4 km from the exact point. */
  public static final double AREA_ERROR_KM = 5;

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

  /** Whether a shelter can qualify at all, judged without opening its sealed location. */
  public boolean worthLocating(Shelter shelter, PlacementRequest request) {
    double coarseKm = shelter.area().distanceKmTo(request.location());
    return shelter.acceptsPlacements()
        && shelter.eligibility().admits(request)
        && coarseKm <= maxDistanceKm + AREA_ERROR_KM
        && withinMaxTravel(travelTime.atLeast(coarseKm - AREA_ERROR_KM), request)
        && !surelyInsideAZone(shelter.area(), request);
  }

  public boolean qualifies(ShelterCandidate candidate, PlacementRequest request) {
    return worthLocating(candidate.shelter(), request)
        && !request.excludes(candidate.location())
        && candidate.location().distanceKmTo(request.location()) <= maxDistanceKm
        && withinMaxTravel(travelTime.estimate(request.location(), candidate.location()), request);
  }

  public List<RankedShelter> rank(PlacementRequest request, List<ShelterCandidate> candidates) {
    return rank(request, candidates, Instant.now());
  }

  /** Qualifying candidates, best first. */
  public List<RankedShelter> rank(PlacementRequest request, List<ShelterCandidate> candidates, Instant now) {
    return candidates.stream()
        .filter(candidate -> qualifies(candidate, request))
        .map(candidate -> new RankedShelter(candidate.shelter(),
            travelTime.estimate(request.location(), candidate.location()),
            candidate.shelter().isCapacityStale(now, staleAfter)))
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
   * Whether a shelter, still unlocated, could rank before {@code best}: judged on the most
   * favourable travel time its coarse area allows. False means it can be skipped.
   */
  public boolean couldBeat(Shelter shelter, PlacementRequest request, RankedShelter best, Instant now) {
    Duration quickest = quickestTo(shelter, request);
    RankedShelter optimistic = new RankedShelter(shelter, quickest, shelter.isCapacityStale(now, staleAfter));
    return ranking().compare(optimistic, best) < 0;
  }

  /**
   * Whether any shelter at least {@code straightLineKm} away (by its coarse area) could rank before
   * {@code best}: when not, the search needs to look no farther.
   */
  public boolean anythingFartherCouldBeat(double straightLineKm, RankedShelter best) {
    Duration quickest = travelTime.atLeast(straightLineKm - AREA_ERROR_KM);
    long quickestBand = band(quickest);
    long bestBand = band(best.travelTime());
    return quickestBand < bestBand || (quickestBand == bestBand && (best.stale() || quickest.compareTo(best.travelTime()) <= 0));
  }

  public Duration quickestTo(Shelter shelter, PlacementRequest request) {
    return travelTime.atLeast(shelter.area().distanceKmTo(request.location()) - AREA_ERROR_KM);
  }

  /** How far matching looks by coarse area: the search radius plus the rounding of areas. */
  public double searchRadiusKm() {
    return maxDistanceKm + AREA_ERROR_KM;
  }

  /** Whether shelters at least {@code straightLineKm} away are all beyond her maximum travel time. */
  public boolean beyondReach(double straightLineKm, PlacementRequest request) {
    return !withinMaxTravel(travelTime.atLeast(straightLineKm - AREA_ERROR_KM), request);
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
    reasons.add("RANK: " + rank + " of " + ranked + " located candidates");
    return reasons;
  }

  private long band(Duration travel) {
    return travel.toSeconds() / rankingBand.toSeconds();
  }

  private static boolean withinMaxTravel(Duration travel, PlacementRequest request) {
    return request.maxTravelMinutes() == null || travel.compareTo(Duration.ofMinutes(request.maxTravelMinutes())) <= 0;
  }

  /** Inside a zone whatever the exact point within the coarse area: no need to open it. */
  private static boolean surelyInsideAZone(GeoPoint area, PlacementRequest request) {
    return request.exclusionZones().stream()
        .anyMatch(zone -> zone.centre().distanceKmTo(area) + AREA_ERROR_KM <= zone.radiusKm());
  }

  private static String sorted(java.util.Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toList().toString();
  }
}
