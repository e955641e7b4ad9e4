package org.safebed.occupancy.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementRepository.DuplicateRequestException;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.sealing.FieldSealer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Police requests for an emergency placement, idempotent per requester and Idempotency-Key: a
 * retry with the same request answers the same placement, the same key with another request is
 * refused, and a retry that finds its placement still PENDING (the first attempt crashed) finishes
 * the matching.
 */
@Component
public class PlacementRequests {

  private final PlacementRepository placements;
  private final BedMatching matching;
  private final RequestFingerprints fingerprints;
  private final FieldSealer sealer;
  private final OccupancyProperties properties;
  private final Clock clock;

  public PlacementRequests(
      PlacementRepository placements,
      BedMatching matching,
      RequestFingerprints fingerprints,
      FieldSealer sealer,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.matching = matching;
    this.fingerprints = fingerprints;
    this.sealer = sealer;
    this.properties = properties;
    this.clock = clock;
  }

  /** @param held whether the answer is "bed held" (201) rather than "waitlisted" (202) */
  public record Outcome(Placement placement, boolean held) {
    static Outcome of(Placement placement) {
      return new Outcome(placement, placement.initialOutcome() == PlacementStatus.HELD);
    }
  }

  public Outcome request(Caller police, UUID idempotencyKey, PlacementRequest request, String policeCaseRef) {
    String key = idempotencyKey.toString();
    String fingerprint = fingerprints.of(request, policeCaseRef);
    Optional<Placement> earlier = placements.findByIdempotencyKey(police.subject(), key);
    if (earlier.isPresent()) {
      return replay(earlier.get(), fingerprint);
    }
    // A soft cap: two simultaneous first requests may both pass; it limits abuse, not races.
    if (placements.countActiveHolds(police.subject()) >= properties.maxActiveHoldsPerRequester()) {
      throw new ApiException(HttpStatus.CONFLICT, "too-many-holds",
          "You already hold the maximum number of beds; cancel or complete a placement first");
    }
    String id = UUID.randomUUID().toString();
    Placement placement = Placement.requested(id, police.subject(), request,
        sealer.seal(policeCaseRef, id, "policeCaseRef"), key, fingerprint, clock.instant());
    try {
      placements.insert(placement);
    } catch (DuplicateRequestException e) {
      // The same request raced itself: answer the one that won.
      return replay(placements.findByIdempotencyKey(police.subject(), key).orElseThrow(), fingerprint);
    }
    return Outcome.of(matching.match(placement));
  }

  private Outcome replay(Placement earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      throw ApiException.unprocessable(
          "This Idempotency-Key was already used for a different placement request");
    }
    return Outcome.of(earlier.status() == PlacementStatus.PENDING ? matching.match(earlier) : earlier);
  }
}
