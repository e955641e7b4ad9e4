package org.safebed.occupancy.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementRepository.DuplicateRequestException;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.occupancy.domain.PlacementStatus;
import org.safebed.occupancy.domain.RequestSlots;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.sealing.FieldSealer;
import org.springframework.stereotype.Component;

/**
 * Police requests for an emergency placement, idempotent per requester and Idempotency-Key: a
 * retry with the same request answers the same placement, the same key with another request is
 * refused, and a retry that finds its placement still PENDING (the first attempt crashed) finishes
 * the matching.
 *
 * <p>The cap on open placements per requester is hard: a slot is claimed by one conditional update
 * before the placement is stored, and given back when the placement closes (see {@link SlotRelease}).
 */
@Component
public class PlacementRequests {

  /** The label the police case reference is sealed with (bound to the placement id). */
  public static final String CASE_REF_LABEL = "policeCaseRef";

  private final PlacementRepository placements;
  private final BedMatching matching;
  private final Waitlist waitlist;
  private final RequestSlots slots;
  private final RequestChurnGuard churn;
  private final RequestFingerprints fingerprints;
  private final CaseTokens caseTokens;
  private final FieldSealer sealer;
  private final OccupancyProperties properties;
  private final Clock clock;

  public PlacementRequests(
      PlacementRepository placements,
      BedMatching matching,
      Waitlist waitlist,
      RequestSlots slots,
      RequestChurnGuard churn,
      RequestFingerprints fingerprints,
      CaseTokens caseTokens,
      FieldSealer sealer,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.matching = matching;
    this.waitlist = waitlist;
    this.slots = slots;
    this.churn = churn;
    this.fingerprints = fingerprints;
    this.caseTokens = caseTokens;
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

  /**
   * @param keepApartFrom case references of people she must be kept apart from; only their keyed
   *     hashes are kept
   */
  public Outcome request(Caller police, UUID idempotencyKey, PlacementRequest asked, String policeCaseRef,
      Set<String> keepApartFrom) {
    String key = idempotencyKey.toString();
    PlacementRequest request = asked.withKeepApart(caseTokens.of(keepApartFrom));
    String fingerprint = fingerprints.of(request, policeCaseRef);
    Optional<Placement> earlier = placements.findByIdempotencyKey(police.subject(), key);
    if (earlier.isPresent()) {
      return replay(earlier.get(), fingerprint);
    }
    churn.checkMayRequest(police);
    // Derived from requester and key: simultaneous retries of one request claim one slot, not several.
    String id = placementIdFor(police.subject(), key);
    if (!slots.claim(police.subject(), id, properties.maxActiveHoldsPerRequester(), clock.instant())) {
      throw new RequestRefused.TooManyHolds(
          "You already have the maximum number of open placements; cancel or complete one first");
    }
    Placement placement = Placement.requested(id, police.subject(), police.agencyId(), request,
        sealer.seal(policeCaseRef, id, CASE_REF_LABEL), caseTokens.of(policeCaseRef), key, fingerprint,
        clock.instant());
    try {
      placements.insert(placement);
    } catch (DuplicateRequestException e) {
      // The same request raced itself: answer the one that won (its slot is the one we claimed).
      return replay(placements.findByIdempotencyKey(police.subject(), key).orElseThrow(), fingerprint);
    }
    Placement matched = matching.match(placement, true);
    if (matched.status() == PlacementStatus.WAITLISTED) {
      waitlist.joined();
    }
    return Outcome.of(matched);
  }

  /** Opaque and stable for one requester's key; never the same for two requesters. */
  static String placementIdFor(String requester, String idempotencyKey) {
    return UUID.nameUUIDFromBytes((requester + "\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Outcome replay(Placement earlier, String fingerprint) {
    if (!earlier.requestFingerprint().equals(fingerprint)) {
      throw new RequestRefused.KeyReused(
          "This Idempotency-Key was already used for a different placement request");
    }
    return Outcome.of(earlier.status() == PlacementStatus.PENDING ? matching.match(earlier) : earlier);
  }
}
