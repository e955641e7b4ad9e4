package org.safebed.transport.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One journey for one placement. A pick-up is created by one bed hold ({@code heldEventId}): its id
 * derives from the placement ({@link #idFor}) for the first hold transport learns of, and from the
 * placement and the causing event ({@link #successorIdFor}) when the placement is held again, so
 * every redelivery of the event that creates it lands on the same document. A job a newer hold
 * replaced names its successor ({@code successorId}).
 *
 * <p>The aggregate decides; persistence stores a changed job only if nobody changed it since it
 * was loaded ({@link #version()}), together with the events of the {@link Transition}.
 */
public final class TransportJob {

  private final String id;
  private final JobKind kind;
  private final String placementId;
  private final String shelterId;
  private final String region;
  private final EscortNeeds escort;
  private final GeoPoint pickupArea;
  private final GeoPoint destinationArea;
  private final Instant holdExpiresAt;
  private final String referralId;
  private final Instant dueAt;
  private final String heldEventId;
  private final Instant heldAt;
  private final Instant createdAt;
  private final long version;
  private final Set<String> excludedDriverIds;
  private JobStatus status;
  private String driverId;
  private String driverSubject;
  private TravelTime eta;
  private Instant offerExpiresAt;
  private Instant deliveredAt;
  private UnassignedReason unassignedReason;
  private Instant endedAt;
  private String successorId;
  private Instant updatedAt;

  private TransportJob(Draft d) {
    this.id = Objects.requireNonNull(d.id, "id");
    this.kind = Objects.requireNonNull(d.kind, "kind");
    this.placementId = Objects.requireNonNull(d.placementId, "placementId");
    this.status = Objects.requireNonNull(d.status, "status");
    this.shelterId = d.shelterId;
    this.region = d.region;
    this.escort = Objects.requireNonNull(d.escort, "escort");
    this.pickupArea = d.pickupArea;
    this.destinationArea = d.destinationArea;
    this.holdExpiresAt = d.holdExpiresAt;
    this.referralId = d.referralId;
    this.dueAt = d.dueAt;
    this.heldEventId = d.heldEventId;
    this.heldAt = d.heldAt;
    this.driverId = d.driverId;
    this.driverSubject = d.driverSubject;
    this.eta = d.eta;
    this.offerExpiresAt = d.offerExpiresAt;
    this.deliveredAt = d.deliveredAt;
    this.unassignedReason = d.unassignedReason;
    this.excludedDriverIds = new LinkedHashSet<>(d.excludedDriverIds == null ? Set.of() : d.excludedDriverIds);
    this.endedAt = d.endedAt;
    this.successorId = d.successorId;
    this.createdAt = Objects.requireNonNull(d.createdAt, "createdAt");
    this.updatedAt = d.updatedAt == null ? d.createdAt : d.updatedAt;
    this.version = d.version;
  }

  /**
   * The id of the first pick-up transport learns of for a placement (and of the record of a
   * placement that ended before any): fixed, so duplicates of the creating event change nothing.
   */
  public static String idFor(String placementId) {
    return "job-" + placementId;
  }

  /**
   * The id of the pick-up for a later hold of the placement: derived from the bed-held event that
   * causes it, so its duplicates meet the same job while a new hold gets a new one.
   */
  public static String successorIdFor(String placementId, String heldEventId) {
    String key = heldEventId.replaceAll("[^A-Za-z0-9]", "");
    key = key.isEmpty() ? Integer.toHexString(heldEventId.hashCode()) : key.substring(0, Math.min(12, key.length()));
    return idFor(placementId) + "-" + key;
  }

  /**
   * A new pick-up job, waiting for a driver.
   *
   * @param heldEventId the {@code placement.bed-held.v1} that causes it
   * @param heldAt when that hold was made (the event's {@code occurredAt})
   */
  public static TransportJob pickup(
      String id,
      String placementId,
      String heldEventId,
      Instant heldAt,
      String shelterId,
      String region,
      EscortNeeds escort,
      GeoPoint pickupArea,
      GeoPoint destinationArea,
      Instant holdExpiresAt,
      Instant now) {
    Objects.requireNonNull(heldEventId, "heldEventId");
    Objects.requireNonNull(heldAt, "heldAt");
    Objects.requireNonNull(pickupArea, "pickupArea");
    Objects.requireNonNull(destinationArea, "destinationArea");
    Draft job = Draft.unsaved(now);
    job.id = id;
    job.kind = JobKind.PICKUP;
    job.placementId = placementId;
    job.status = JobStatus.PENDING;
    job.heldEventId = heldEventId;
    job.heldAt = heldAt;
    job.shelterId = shelterId;
    job.region = region;
    job.escort = escort;
    job.pickupArea = pickupArea;
    job.destinationArea = destinationArea;
    job.holdExpiresAt = holdExpiresAt;
    return job.build();
  }

  /**
   * The record of a placement that ended before its job was known (events arrive out of order): it
   * keeps a late {@code placement.bed-held.v1} of the hold that ended from creating a live job.
   *
   * @param endedAt when the placement ended (the ending event's {@code occurredAt})
   */
  public static TransportJob tombstone(String placementId, JobStatus finalStatus, Instant endedAt, Instant now) {
    if (!finalStatus.isFinal()) {
      throw new IllegalArgumentException("a tombstone has a final status");
    }
    Draft job = Draft.unsaved(now);
    job.id = idFor(placementId);
    job.kind = JobKind.PICKUP;
    job.placementId = placementId;
    job.status = finalStatus;
    job.escort = EscortNeeds.of(false); // a final job is never offered: her needs are not asked
    job.endedAt = Objects.requireNonNull(endedAt, "endedAt");
    return job.build();
  }

  /** The job id of a referral's move: fixed, so duplicates of the booking event change nothing. */
  public static String moveIdFor(String referralId) {
    return "move-" + referralId;
  }

  /**
   * A move from the shelter to her rental home, due on the move-in day. The shelter's area is the
   * destination area of her pick-up; without it no driver can be ranked and coordinators act.
   * Whether she is still a minor is not known here, so only drivers who may escort minors are asked;
   * the escort gender and languages of her pick-up still hold.
   */
  public static TransportJob move(
      String referralId,
      String placementId,
      String region,
      GeoPoint shelterArea,
      EscortNeeds pickupEscort,
      Instant dueAt,
      Instant now) {
    JobStatus status =
        shelterArea == null ? JobStatus.UNASSIGNED : dueAt.isAfter(now) ? JobStatus.SCHEDULED : JobStatus.PENDING;
    Draft job = Draft.unsaved(now);
    job.id = moveIdFor(referralId);
    job.kind = JobKind.MOVE;
    job.placementId = placementId;
    job.status = status;
    job.referralId = referralId;
    job.dueAt = dueAt;
    job.region = region;
    job.escort = pickupEscort.assumingMinor();
    job.pickupArea = shelterArea;
    job.unassignedReason = shelterArea == null ? UnassignedReason.UNKNOWN_PICKUP_AREA : null;
    return job.build();
  }

  /** A booked move whose day has come now waits for a driver. */
  public Transition becomeDue(Instant now) {
    if (status != JobStatus.SCHEDULED || dueAt == null || dueAt.isAfter(now)) {
      return Transition.none();
    }
    this.status = JobStatus.PENDING;
    this.updatedAt = now;
    return Transition.silent();
  }

  /**
   * Offers the job to a driver who has just been claimed for it: a job waiting for one, or an
   * unassigned one that a driver can now be found for.
   */
  public Transition offerTo(Driver driver, TravelTime eta, Instant now, Duration offerTimeout) {
    require(status == JobStatus.PENDING || mayBeOfferedAgain(), "offered");
    this.status = JobStatus.OFFERED;
    this.driverId = driver.id();
    this.driverSubject = driver.accountSubject();
    this.eta = Objects.requireNonNull(eta, "eta");
    this.offerExpiresAt = now.plus(offerTimeout);
    this.unassignedReason = null;
    this.updatedAt = now;
    return announce(new TransportEvent.DriverAssigned(id, placementId, driver.accountSubject(), eta));
  }

  /** Nobody is left who could take it. */
  public Transition noDriverAvailable(Instant now) {
    return noDriverAvailable(UnassignedReason.NO_DRIVER, now);
  }

  /**
   * Nobody is left who could take it, for {@code reason}: the failure is announced at once, so
   * police learn they must escort her themselves.
   */
  public Transition noDriverAvailable(UnassignedReason reason, Instant now) {
    require(status == JobStatus.PENDING, "left unassigned");
    this.status = JobStatus.UNASSIGNED;
    this.unassignedReason = Objects.requireNonNull(reason, "reason");
    this.updatedAt = now;
    return announce(new TransportEvent.AssignmentFailed(id, placementId, reason));
  }

  /**
   * Unassigned is where a job waits for coordinators, not where it ends: it may be offered again to
   * a driver who has become free since, unless no driver can ever be ranked for it (no pick-up area).
   */
  public boolean mayBeOfferedAgain() {
    return status == JobStatus.UNASSIGNED && pickupArea != null;
  }

  /**
   * A coordinator asks for the unassigned job to be offered again: the drivers who declined it or
   * let their offer expire may be asked again. It stays unassigned, with its reason, until a
   * driver is found.
   */
  public Transition forgetDeclines(Instant now) {
    require(status == JobStatus.UNASSIGNED, "re-offered");
    if (excludedDriverIds.isEmpty()) {
      return Transition.none();
    }
    excludedDriverIds.clear();
    this.updatedAt = now;
    return Transition.silent();
  }

  public Transition accept(String subject, Instant now) {
    requireAssignedTo(subject);
    if (status == JobStatus.ACCEPTED) {
      return Transition.none();
    }
    require(status == JobStatus.OFFERED, "accepted");
    this.status = JobStatus.ACCEPTED;
    this.offerExpiresAt = null;
    this.updatedAt = now;
    return Transition.silent();
  }

  /** The driver says no: the job waits for the next best driver, never this one again. */
  public Transition decline(String subject, Instant now) {
    requireAssignedTo(subject);
    require(status == JobStatus.OFFERED, "declined");
    return backToPending(now);
  }

  /** The offer ran out without an answer: treated like a decline. */
  public Transition offerExpired(Instant now) {
    if (status != JobStatus.OFFERED || offerExpiresAt == null || offerExpiresAt.isAfter(now)) {
      return Transition.none();
    }
    return backToPending(now);
  }

  /**
   * A coordinator changed the driver's profile so that she may no longer take this job: her
   * unanswered offer is withdrawn, like a decline, and the job waits for the next best driver.
   */
  public Transition withdrawOffer(Instant now) {
    if (status != JobStatus.OFFERED) {
      return Transition.none();
    }
    return backToPending(now);
  }

  public Transition pickUp(String subject, Instant now) {
    requireAssignedTo(subject);
    if (status == JobStatus.PICKED_UP) {
      return Transition.none();
    }
    require(status == JobStatus.ACCEPTED, "picked up");
    this.status = JobStatus.PICKED_UP;
    this.updatedAt = now;
    return announce(new TransportEvent.PickedUp(id, placementId));
  }

  /**
   * She was handed over. A pick-up then waits for its placement to end (check-in, or a cancellation
   * or expiry that comes after), which completes it; a move has nothing left to wait for (her
   * placement ended when she was checked out for it), so it is complete at once.
   */
  public Transition deliver(String subject, Instant now) {
    requireAssignedTo(subject);
    if (deliveredAt != null && (status == JobStatus.DELIVERED || status == JobStatus.COMPLETED)) {
      return Transition.none();
    }
    require(status == JobStatus.PICKED_UP, "delivered");
    this.status = kind == JobKind.MOVE ? JobStatus.COMPLETED : JobStatus.DELIVERED;
    this.deliveredAt = now;
    this.updatedAt = now;
    return announce(new TransportEvent.Delivered(id, placementId));
  }

  /**
   * The placement ended (hold expired or cancelled) at {@code endedAt}. A job still under way is
   * cancelled; a delivered one is complete (she arrived, whatever happens to the placement next is
   * the shelter's business), so that no job outlives its placement and retention can close it. The
   * end is remembered even by a job it no longer changes, so a bed-held of the hold that ended,
   * arriving late, is recognised as such.
   */
  public Transition cancel(Instant endedAt, Instant now) {
    return end(status.isFinal() ? null : endingStatus(), endedAt, now);
  }

  /** The shelter checked her in at {@code endedAt}. */
  public Transition complete(Instant endedAt, Instant now) {
    return end(status.isFinal() ? null : JobStatus.COMPLETED, endedAt, now);
  }

  /**
   * The placement was held again: this job's hold is over and {@code successor} takes over. A live
   * job is cancelled (its driver is to be released), a delivered one is complete.
   */
  public Transition replaceBy(String successor, Instant now) {
    Objects.requireNonNull(successor, "successor");
    if (successor.equals(successorId)) {
      return Transition.none();
    }
    if (successorId != null) {
      throw new IllegalTransition("Job " + id + " was already replaced");
    }
    this.successorId = successor;
    if (!status.isFinal()) {
      this.status = endingStatus();
      this.offerExpiresAt = null;
    }
    this.updatedAt = now;
    return Transition.silent();
  }

  /** Whether the bed-held event {@code eventId} created this job. */
  public boolean causedBy(String eventId) {
    return heldEventId != null && heldEventId.equals(eventId);
  }

  public boolean isReplaced() {
    return successorId != null;
  }

  /** Whether this job's hold was made after {@code moment}: what happened before concerns an earlier hold. */
  public boolean heldAfter(Instant moment) {
    return heldAt != null && heldAt.isAfter(moment);
  }

  /**
   * The latest moment of the placement this job knows of (producer's time): its hold, or the end of
   * the placement. A bed-held that occurred no later is of a hold already known or already over.
   */
  public Instant lastKnownAt() {
    if (heldAt == null && endedAt == null) {
      return updatedAt; // stored before holds and ends were recorded: the best estimate there is
    }
    if (heldAt == null || endedAt == null) {
      return heldAt == null ? endedAt : heldAt;
    }
    return heldAt.isAfter(endedAt) ? heldAt : endedAt;
  }

  /** What a job that is not final becomes when its placement (or its hold) ends. */
  private JobStatus endingStatus() {
    return status == JobStatus.DELIVERED ? JobStatus.COMPLETED : JobStatus.CANCELLED;
  }

  private Transition end(JobStatus newStatus, Instant at, Instant now) {
    boolean later = at != null && (endedAt == null || at.isAfter(endedAt));
    if (newStatus == null && !later) {
      return Transition.none();
    }
    if (later) {
      this.endedAt = at;
    }
    if (newStatus != null) {
      this.status = newStatus;
      this.offerExpiresAt = null;
    }
    this.updatedAt = now;
    return Transition.silent();
  }

  /**
   * The destination may be shown to this driver now: from acceptance (she is their responsibility)
   * until a short grace after delivery (finding the door, the hand-over), never before or after. A
   * job completed since (checked in at the door, a move complete on delivery) keeps that grace; a
   * cancelled one has none.
   */
  public boolean destinationDisclosableTo(String subject, Instant now, Duration grace) {
    if (!isAssignedTo(subject)) {
      return false;
    }
    return switch (status) {
      case ACCEPTED, PICKED_UP -> true;
      case DELIVERED, COMPLETED -> deliveredAt != null && now.isBefore(deliveredAt.plus(grace));
      default -> false;
    };
  }

  public boolean isAssignedTo(String subject) {
    return subject != null && subject.equals(driverSubject);
  }

  public boolean awaitsDriver() {
    return status == JobStatus.PENDING;
  }

  /**
   * Pick-ups and moves are both announced (the event says which kind): occupancy follows a move's
   * driver to disclose the shelter she leaves to that driver only.
   */
  private Transition announce(TransportEvent event) {
    return Transition.of(event);
  }

  private Transition backToPending(Instant now) {
    excludedDriverIds.add(driverId);
    this.status = JobStatus.PENDING;
    this.driverId = null;
    this.driverSubject = null;
    this.eta = null;
    this.offerExpiresAt = null;
    this.updatedAt = now;
    return Transition.silent();
  }

  private void requireAssignedTo(String subject) {
    if (!isAssignedTo(subject)) {
      throw new NotAssigned();
    }
  }

  private void require(boolean allowed, String action) {
    if (!allowed) {
      throw new IllegalTransition("A job that is " + status + " cannot be " + action);
    }
  }

  /** The caller is not this job's driver (the job may have moved on to another one). */
  public static final class NotAssigned extends RuntimeException {
    NotAssigned() {
      super("not assigned to this driver", null, false, false);
    }
  }

  /**
   * A job's fields by name, for the factories above and for restoring a stored job: a caller sets
   * only what it knows, the rest stays empty, and the job checks what it must have when built.
   */
  public static final class Draft {
    public String id;
    public JobKind kind;
    public String placementId;
    public JobStatus status;
    public String shelterId;
    public String region;
    public EscortNeeds escort;
    public GeoPoint pickupArea;
    public GeoPoint destinationArea;
    public Instant holdExpiresAt;
    public String referralId;
    public Instant dueAt;
    public String heldEventId;
    public Instant heldAt;
    public String driverId;
    public String driverSubject;
    public TravelTime eta;
    public Instant offerExpiresAt;
    public Instant deliveredAt;
    public UnassignedReason unassignedReason;
    public Set<String> excludedDriverIds;
    public Instant endedAt;
    public String successorId;
    public Instant createdAt;
    public Instant updatedAt;
    public long version;

    /** A job not stored yet: version 0, created and last changed {@code now}. */
    private static Draft unsaved(Instant now) {
      Draft job = new Draft();
      job.createdAt = now;
      job.updatedAt = now;
      return job;
    }

    public TransportJob build() {
      return new TransportJob(this);
    }
  }

  public String id() { return id; }
  public JobKind kind() { return kind; }
  public String placementId() { return placementId; }
  public String shelterId() { return shelterId; }
  public String region() { return region; }
  public EscortNeeds escort() { return escort; }
  public boolean minor() { return escort.minor(); }
  public GeoPoint pickupArea() { return pickupArea; }
  public GeoPoint destinationArea() { return destinationArea; }
  public Instant holdExpiresAt() { return holdExpiresAt; }
  public String referralId() { return referralId; }
  public Instant dueAt() { return dueAt; }
  public String heldEventId() { return heldEventId; }
  public Instant heldAt() { return heldAt; }
  public Instant endedAt() { return endedAt; }
  public String successorId() { return successorId; }
  public JobStatus status() { return status; }
  public String driverId() { return driverId; }
  public String driverSubject() { return driverSubject; }
  public TravelTime eta() { return eta; }
  public Instant offerExpiresAt() { return offerExpiresAt; }
  public Instant deliveredAt() { return deliveredAt; }
  public UnassignedReason unassignedReason() { return unassignedReason; }
  public Set<String> excludedDriverIds() { return Set.copyOf(excludedDriverIds); }
  public Instant createdAt() { return createdAt; }
  public Instant updatedAt() { return updatedAt; }
  public long version() { return version; }
}
