package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.safebed.occupancy.application.ShelterSearch.Choice;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Alert;
import org.safebed.occupancy.domain.AlertRepository;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedRepository.PlacementHasBedException;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.MatchingPolicy;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.TravelEstimates;
import org.safebed.platform.web.notifications.NotificationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds and holds a bed for a placement that awaits one (pending or waitlisted).
 *
 * <p>Each placement's search is a {@link ShelterSearch}: nearest qualifying shelters first, a few
 * cells and the free beds of a few shelters read however many shelters there are, the best few
 * ranked again by the travel estimates, and shelters left to the waitlisted placements ahead of a
 * new request, whom this tells at once. This holds a bed of the shelter the search chose, or asks
 * it for the next best when the bed cannot be had.
 *
 * <p>Order of writes, so that a crash anywhere is repairable: the placement exists (PENDING) before
 * any bed is taken; a bed is taken by one conditional update naming the placement (a placement can
 * hold only one); the shelter is then read again, so a shelter closed or compromised meanwhile, or
 * a keep-apart conflict that arrived at the same moment, gives the bed back; then the placement
 * becomes HELD together with its bed-held event. A crash before the last write leaves a bed held
 * for a placement that is still PENDING: the next {@link #match} of that placement (by the
 * reconciler or a retried request) finds the bed and finishes the hold instead of taking another.
 *
 * <p>What another writer stored meanwhile (a retry or the reconciler matching the same placement, a
 * cancellation, an escalation) is never overwritten: an attempt that finds the placement changed
 * ends there if it no longer awaits a bed, or the match starts a new attempt from it, which
 * resumes a bed held for it rather than taking a second.
 */
@Component
public class BedMatching {

  private static final Logger log = LoggerFactory.getLogger(BedMatching.class);
  /** Shelters given up on (beds gone, conflict, closed) before the placement is waitlisted. */
  private static final int MAX_REFUSED = 25;
  /** Each further read follows a round in which others took every bed read: it stops a livelock. */
  private static final int MAX_READS_OF_ONE_SHELTER = 50;
  /**
   * Attempts of one match: each after another writer changed the placement while it still awaits a
   * bed (a retry or the reconciler holding or waitlisting it, an escalation); they settle in one or two.
   */
  private static final int MAX_ATTEMPTS = 10;

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

  /** Tells the waitlist about a shelter a new request left to it (see {@link ShelterSearch}). */
  public void onShelterLeftToWaitlist(Consumer<String> listener) {
    this.leftToWaitlist = listener;
  }

  /** Holds a bed for the placement or waitlists it; answers the placement as stored afterwards. */
  public Placement match(Placement placement) {
    return match(placement, false);
  }

  /**
   * @param fresh the placement was stored just now by this caller, so no bed can be held for it yet
   *     (saves a read on the common path)
   * @throws IllegalStateException when others changed the placement under every one of
   *     {@link #MAX_ATTEMPTS} attempts; it stays as they left it, and a retry or the reconciler
   *     matches it again
   */
  public Placement match(Placement placement, boolean fresh) {
    if (!placement.isAwaitingBed()) {
      return placement;
    }
    List<KeepApartReview> reviews = new ArrayList<>();
    Placement current = placement;
    boolean storedJustNow = fresh;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Attempt outcome = attempt(current, storedJustNow, reviews);
      if (!outcome.again()) {
        reviews.forEach(review -> raiseIfHeldThere(review, outcome.placement()));
        return outcome.placement();
      }
      // Someone else changed the placement meanwhile and it still awaits a bed: start again from
      // what they stored (a bed now held for it is resumed, not a second one taken).
      current = outcome.placement();
      storedJustNow = false;
    }
    throw new IllegalStateException("placement " + placement.id() + " changed under each of "
        + MAX_ATTEMPTS + " attempts to match it");
  }

  /**
   * How an attempt ended: with the placement as it stays, or with the placement as someone else
   * stored it meanwhile, to be matched again because it still awaits a bed.
   */
  private record Attempt(Placement placement, boolean again) {
    static Attempt ended(Placement placement) {
      return new Attempt(placement, false);
    }

    static Attempt changedMeanwhile(Placement current) {
      return new Attempt(current, current.isAwaitingBed());
    }
  }

  /** One attempt: the bed held for it resumed, or a search and a hold, or the waitlist. */
  private Attempt attempt(Placement placement, boolean fresh, List<KeepApartReview> reviews) {
    if (!fresh) {
      Optional<Attempt> resumed = resumeHeldBed(placement);
      if (resumed.isPresent()) {
        return resumed.get();
      }
    }
    ShelterSearch search = searchFor(placement, fresh);
    try {
      for (int refused = 0; refused < MAX_REFUSED; refused++) {
        Optional<Choice> choice = search.best();
        if (choice.isEmpty()) {
          break;
        }
        Optional<Attempt> held = tryHold(placement, choice.get(), reviews);
        if (held.isPresent()) {
          return held.get();
        }
        // Lost the race for its last bed, or the shelter changed meanwhile: the next best is tried.
        search.refuse(choice.get());
      }
      return waitlist(placement);
    } finally {
      search.leftToWaitlist().forEach(leftToWaitlist);
    }
  }

  private ShelterSearch searchFor(Placement placement, boolean newRequest) {
    return new ShelterSearch(placement, newRequest, shelters, beds, placements, travelEstimates, policy, clock);
  }

  /** Empty when no bed of the shelter could be kept: the search goes on with the next best. */
  private Optional<Attempt> tryHold(Placement placement, Choice choice, List<KeepApartReview> reviews) {
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
          return Optional.of(Attempt.changedMeanwhile(placements.findById(placement.id()).orElseThrow()));
        }
        if (bed.isPresent()) {
          return confirmHold(placement, choice, bedId, reviews);
        }
      }
      // Others took every bed read: only some of the shelter's free beds were read, so look again.
      free = beds.availableBedIds(choice.ranked().shelter(), ShelterSearch.FREE_BEDS_READ);
    }
    return Optional.empty();
  }

  /**
   * Re-reads the shelter after taking the bed: a shelter closed or compromised since the search,
   * or a keep-apart conflict with someone who took a bed there at the same moment, gives the bed
   * back (both may give way; neither can miss the other, since each wrote before it read).
   */
  private Optional<Attempt> confirmHold(Placement placement, Choice choice, String bedId,
      List<KeepApartReview> reviews) {
    Optional<Shelter> shelter = shelters.findById(choice.ranked().shelter().id());
    KeepApartRelations keepApart = KeepApartRelations.of(placement, beds);
    boolean stillOk = shelter.isPresent() && shelter.get().acceptsPlacements()
        && !keepApart.forbiddenShelters().contains(shelter.get().id());
    if (!stillOk) {
      beds.release(bedId, placement.id(), clock.instant());
      log.info("Placement {} gave back bed {}: shelter closed or keep-apart conflict", placement.id(), bedId);
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>(policy.reasons(choice.ranked(), 1, choice.located(), placement.request()));
    // Reviewed once the match has ended, whether by this attempt or by a later one after a concurrent change.
    reviews.add(new KeepApartReview(shelter.get(),
        keepApart.acrossAgenciesByShelter().getOrDefault(shelter.get().id(), List.of())));
    return Optional.of(completeHold(placement, shelter.get(), bedId, reasons));
  }

  /**
   * The placements of other agencies she has a keep-apart rule with, in beds of the shelter where
   * a bed was taken for her: coordinators judge them if the match ends with her holding a bed there.
   */
  private record KeepApartReview(Shelter shelter, List<String> others) {}

  private void raiseIfHeldThere(KeepApartReview review, Placement held) {
    if (!review.shelter().id().equals(held.shelterId()) || !held.status().hasBed()) {
      return;
    }
    for (String other : review.others()) {
      Alert alert = Alert.keepApartReview(held.id(), other, review.shelter().region(), clock.instant());
      alerts.raise(alert);
      notifications.forCoordinators(alert.id(), NotificationKind.KEEP_APART_REVIEW, held.id());
      log.warn("Placement {} shares a shelter with placement {} of another agency it has a keep-apart rule with:"
          + " coordinators alerted", held.id(), other);
    }
  }

  private Optional<Attempt> resumeHeldBed(Placement placement) {
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

  private Attempt completeHold(Placement placement, Shelter shelter, String bedId, List<String> reasons) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.holdDuration());
    Placement.Change held = placement.holdBed(shelter, bedId, expiresAt, now, reasons);
    Optional<Placement> saved = placements.save(held.placement(), held.events());
    if (saved.isPresent()) {
      log.info("Placement {} holds bed {} of shelter {}", placement.id(), bedId, shelter.id());
      return Attempt.ended(saved.get());
    }
    // Someone else changed the placement meanwhile (a concurrent retry holding the same or another
    // bed, a cancellation): keep what they stored and give this bed back unless it is theirs too.
    Placement current = placements.findById(placement.id()).orElseThrow();
    boolean ours = current.hold() != null && bedId.equals(current.hold().bedId())
        && current.status().hasBed();
    if (!ours && beds.release(bedId, placement.id(), now)) {
      log.info("Placement {} changed concurrently; bed {} given back", placement.id(), bedId);
    }
    return Attempt.changedMeanwhile(current);
  }

  private Attempt waitlist(Placement placement) {
    Placement.Change change = placement.waitlist(clock.instant());
    if (!change.changed()) {
      return Attempt.ended(placement);
    }
    Optional<Placement> saved = placements.save(change.placement(), change.events());
    if (saved.isPresent()) {
      log.info("Placement {} waitlisted: no eligible bed free", placement.id());
      return Attempt.ended(saved.get());
    }
    return Attempt.changedMeanwhile(placements.findById(placement.id()).orElseThrow());
  }
}
