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
 */
@Component
public class BedMatching {

  private static final Logger log = LoggerFactory.getLogger(BedMatching.class);
  /** Shelters given up on (beds gone, conflict, closed) before the placement is waitlisted. */
  private static final int MAX_REFUSED = 25;
  /** Each further read follows a round in which others took every bed read: it stops a livelock. */
  private static final int MAX_READS_OF_ONE_SHELTER = 50;

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
    ShelterSearch search = searchFor(placement, fresh);
    try {
      for (int refused = 0; refused < MAX_REFUSED; refused++) {
        Optional<Choice> choice = search.best();
        if (choice.isEmpty()) {
          break;
        }
        Optional<Placement> held = tryHold(placement, choice.get());
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
      free = beds.availableBedIds(choice.ranked().shelter(), ShelterSearch.FREE_BEDS_READ);
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
    KeepApartRelations keepApart = KeepApartRelations.of(placement, beds);
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
