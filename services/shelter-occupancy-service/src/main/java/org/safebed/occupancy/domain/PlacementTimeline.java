package org.safebed.occupancy.domain;

import java.time.Instant;

/**
 * The facts of a placement that statistics count: no person in it, so it is there for anonymised
 * placements too.
 *
 * @param relocatedFrom the placement this one replaced, null for new demand
 * @param firstAssignedAt when a driver was first assigned to take her to her shelter, null if never
 */
public record PlacementTimeline(
    PlacementStatus status, String relocatedFrom, Instant createdAt, Instant firstHeldAt, Instant checkedInAt,
    Instant firstAssignedAt) {

  public PlacementTimeline(
      PlacementStatus status, String relocatedFrom, Instant createdAt, Instant firstHeldAt, Instant checkedInAt) {
    this(status, relocatedFrom, createdAt, firstHeldAt, checkedInAt, null);
  }
}
