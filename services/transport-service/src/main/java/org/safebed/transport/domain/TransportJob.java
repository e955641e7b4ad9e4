package org.safebed.transport.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One journey for one placement. Its id derives from the placement ({@link #idFor}), so every
 * redelivery of the event that creates it lands on the same document.
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
  private final boolean minor;
  private final GeoPoint pickupArea;
  private final GeoPoint destinationArea;
  private final Instant holdExpiresAt;
  private final String referralId;
  private final Instant dueAt;
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
  private Instant updatedAt;

  public TransportJob(
      String id,
      JobKind kind,
      String placementId,
      String shelterId,
      String region,
      boolean minor,
      GeoPoint pickupArea,
      GeoPoint destinationArea,
      Instant holdExpiresAt,
      String referralId,
      Instant dueAt,
      JobStatus status,
      String driverId,
      String driverSubject,
      TravelTime eta,
      Instant offerExpiresAt,
      Instant deliveredAt,
      UnassignedReason unassignedReason,
      Set<String> excludedDriverIds,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.placementId = Objects.requireNonNull(placementId, "placementId");
    this.status = Objects.requireNonNull(status, "status");
    this.shelterId = shelterId;
    this.region = region;
    this.minor = minor;
    this.pickupArea = pickupArea;
    this.destinationArea = destinationArea;
    this.holdExpiresAt = holdExpiresAt;
    this.referralId = referralId;
    this.dueAt = dueAt;
    this.driverId = driverId;
    this.driverSubject = driverSubject;
    this.eta = eta;
    this.offerExpiresAt = offerExpiresAt;
    this.deliveredAt = deliveredAt;
    this.unassignedReason = unassignedReason;
    this.excludedDriverIds = new LinkedHashSet<>(excludedDriverIds == null ? Set.of() : excludedDriverIds);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = updatedAt == null ? createdAt : updatedAt;
    this.version = version;
  }

  /** The job id of a placement's pick-up: fixed, so duplicates of the creating event change nothing. */
  public static String idFor(String placementId) {
    return "job-" + placementId;
  }

  /** A new pick-up job, waiting for a driver. */
  public static TransportJob pickup(
      String placementId,
      String shelterId,
      String region,
      boolean minor,
      GeoPoint pickupArea,
      GeoPoint destinationArea,
      Instant holdExpiresAt,
      Instant now) {
    Objects.requireNonNull(pickupArea, "pickupArea");
    Objects.requireNonNull(destinationArea, "destinationArea");
    return new TransportJob(
        idFor(placementId), JobKind.PICKUP, placementId, shelterId, region, minor, pickupArea,
        destinationArea, holdExpiresAt, null, null, JobStatus.PENDING, null, null, null, null, null,
        null, Set.of(), now, now, 0);
  }

  /**
   * The record of a placement that ended before its job was known (events arrive out of order): it
   * keeps a late {@code placement.bed-held.v1} from creating a live job.
   */
  public static TransportJob tombstone(String placementId, JobStatus finalStatus, Instant now) {
    if (!finalStatus.isFinal()) {
      throw new IllegalArgumentException("a tombstone has a final status");
    }
    return new TransportJob(
        idFor(placementId), JobKind.PICKUP, placementId, null, null, false, null, null, null, null,
        null, finalStatus, null, null, null, null, null, null, Set.of(), now, now, 0);
  }

  /** The job id of a referral's move: fixed, so duplicates of the booking event change nothing. */
  public static String moveIdFor(String referralId) {
    return "move-" + referralId;
  }

  /**
   * A move from the shelter to her rental home, due on the move-in day. The shelter's area is the
   * destination area of her pick-up; without it no driver can be ranked and coordinators act.
   * Whether she is still a minor is not known here, so only drivers who may escort minors are asked.
   */
  public static TransportJob move(
      String referralId, String placementId, String region, GeoPoint shelterArea, Instant dueAt, Instant now) {
    JobStatus status =
        shelterArea == null ? JobStatus.UNASSIGNED : dueAt.isAfter(now) ? JobStatus.SCHEDULED : JobStatus.PENDING;
    return new TransportJob(
        moveIdFor(referralId), JobKind.MOVE, placementId, null, region, true, shelterArea, null, null,
        referralId, dueAt, status, null, null, null, null, null,
        shelterArea == null ? UnassignedReason.UNKNOWN_PICKUP_AREA : null, Set.of(), now, now, 0);
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

  /** Offers the job to a driver who has just been claimed for it. */
  public Transition offerTo(Driver driver, TravelTime eta, Instant now, Duration offerTimeout) {
    require(status == JobStatus.PENDING, "offered");
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
    require(status == JobStatus.PENDING, "left unassigned");
    this.status = JobStatus.UNASSIGNED;
    this.unassignedReason = UnassignedReason.NO_DRIVER;
    this.updatedAt = now;
    return announce(new TransportEvent.AssignmentFailed(id, placementId, UnassignedReason.NO_DRIVER));
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

  public Transition deliver(String subject, Instant now) {
    requireAssignedTo(subject);
    if (status == JobStatus.DELIVERED) {
      return Transition.none();
    }
    require(status == JobStatus.PICKED_UP, "delivered");
    this.status = JobStatus.DELIVERED;
    this.deliveredAt = now;
    this.updatedAt = now;
    return announce(new TransportEvent.Delivered(id, placementId));
  }

  /**
   * The placement ended (hold expired or cancelled). A delivered job stays delivered: she arrived,
   * whatever happens to the placement next is the shelter's business.
   */
  public Transition cancel(Instant now) {
    if (status.isFinal() || status == JobStatus.DELIVERED) {
      return Transition.none();
    }
    this.status = JobStatus.CANCELLED;
    this.offerExpiresAt = null;
    this.updatedAt = now;
    return Transition.silent();
  }

  /** The shelter checked her in. */
  public Transition complete(Instant now) {
    if (status.isFinal()) {
      return Transition.none();
    }
    this.status = JobStatus.COMPLETED;
    this.offerExpiresAt = null;
    this.updatedAt = now;
    return Transition.silent();
  }

  /**
   * The destination may be shown to this driver now: from acceptance (she is their responsibility)
   * until a short grace after delivery (finding the door, the hand-over), never before or after.
   */
  public boolean destinationDisclosableTo(String subject, Instant now, Duration grace) {
    if (!isAssignedTo(subject)) {
      return false;
    }
    return switch (status) {
      case ACCEPTED, PICKED_UP -> true;
      case DELIVERED -> deliveredAt != null && now.isBefore(deliveredAt.plus(grace));
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
   * Pick-ups are announced; moves are not: the transport events are read by occupancy as the
   * progress of the placement's pick-up (hold extended to the ETA, arrival expected), which a move
   * out of the shelter must not be mistaken for, and nobody consumes move progress yet.
   */
  private Transition announce(TransportEvent event) {
    return kind == JobKind.PICKUP ? Transition.of(event) : Transition.silent();
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

  public String id() { return id; }
  public JobKind kind() { return kind; }
  public String placementId() { return placementId; }
  public String shelterId() { return shelterId; }
  public String region() { return region; }
  public boolean minor() { return minor; }
  public GeoPoint pickupArea() { return pickupArea; }
  public GeoPoint destinationArea() { return destinationArea; }
  public Instant holdExpiresAt() { return holdExpiresAt; }
  public String referralId() { return referralId; }
  public Instant dueAt() { return dueAt; }
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
