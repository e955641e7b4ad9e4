package org.safebed.occupancy.domain;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Which shelters may take a person, best first. A shelter qualifies when it is open, its
 * eligibility admits her and covers her needs, it lies outside every exclusion zone and within
 * the search radius; qualifying shelters are ranked by estimated travel time from where she is.
 *
 * <p>Matching runs in two steps so that exact locations are opened only when needed: a cheap
 * pre-selection on clear facts and the coarse area ({@link #worthLocating}), then the exact rules
 * on the few remaining candidates ({@link #rank}).
 */
public record MatchingPolicy(double maxDistanceKm, TravelTimeEstimator travelTime) {

  /** The coarse area is the location rounded to 0.05°: at most ~4 km from the exact point. */
  private static final double AREA_ERROR_KM = 5;

  public MatchingPolicy {
    if (maxDistanceKm <= 0) {
      throw new InvalidValueException("the search radius must be positive");
    }
  }

  /** Whether a shelter can qualify at all, judged without opening its sealed location. */
  public boolean worthLocating(Shelter shelter, PlacementRequest request) {
    return shelter.acceptsPlacements()
        && shelter.eligibility().admits(request.person(), request.needs())
        && shelter.area().distanceKmTo(request.location()) <= maxDistanceKm + AREA_ERROR_KM;
  }

  public boolean qualifies(ShelterCandidate candidate, PlacementRequest request) {
    return worthLocating(candidate.shelter(), request)
        && !request.excludes(candidate.location())
        && candidate.location().distanceKmTo(request.location()) <= maxDistanceKm;
  }

  /** Qualifying candidates, quickest to reach first (ties by shelter id, for stable results). */
  public List<RankedShelter> rank(PlacementRequest request, List<ShelterCandidate> candidates) {
    return candidates.stream()
        .filter(candidate -> qualifies(candidate, request))
        .map(candidate -> new RankedShelter(
            candidate.shelter(), travelTime.estimate(request.location(), candidate.location())))
        .sorted(Comparator.comparing(RankedShelter::travelTime)
            .thenComparing(ranked -> ranked.shelter().id()))
        .toList();
  }

  public record RankedShelter(Shelter shelter, Duration travelTime) {}
}
