package org.safebed.occupancy.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shelters this instance just found without a free bed, remembered for a moment so that the
 * requests arriving meanwhile do not read all their beds again: under load the nearest shelters
 * fill first, and every request's search passes them.
 *
 * <p>A bed this instance frees there forgets the shelter at once, also when its freeing overlaps
 * the read that found the shelter full (each shelter's frees are counted, and a read that began
 * before a free does not mark the shelter full). A bed another instance frees is seen by this one's
 * new requests after {@link #REMEMBERED} at most; the instance that freed it offers it to the
 * waitlist at once, and to its own new requests.
 */
final class FullShelters {

  static final Duration REMEMBERED = Duration.ofSeconds(1);

  private record Seen(long frees, Instant fullUntil) {}

  private final Map<String, Seen> byShelter = new ConcurrentHashMap<>();
  private final Clock clock;

  FullShelters(Clock clock) {
    this.clock = clock;
  }

  /** Whether to skip reading the shelter's beds; otherwise a mark to pass to {@link #foundFull}. */
  boolean isKnownFull(String shelterId) {
    Seen seen = byShelter.get(shelterId);
    return seen != null && seen.fullUntil() != null && clock.instant().isBefore(seen.fullUntil());
  }

  /** Taken before reading the shelter's beds. */
  long readMark(String shelterId) {
    Seen seen = byShelter.get(shelterId);
    return seen == null ? 0 : seen.frees();
  }

  /** The read that began at {@code mark} found no free bed. */
  void foundFull(String shelterId, long mark) {
    Instant until = clock.instant().plus(REMEMBERED);
    byShelter.compute(shelterId, (id, seen) -> {
      long frees = seen == null ? 0 : seen.frees();
      return frees == mark ? new Seen(frees, until) : seen;
    });
  }

  /** A bed of the shelter became available (after it was written so). */
  void bedFreed(String shelterId) {
    byShelter.compute(shelterId, (id, seen) -> new Seen(seen == null ? 1 : seen.frees() + 1, null));
  }
}
