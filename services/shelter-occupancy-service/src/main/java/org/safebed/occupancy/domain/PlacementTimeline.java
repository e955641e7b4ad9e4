package org.safebed.occupancy.domain;

import java.time.Instant;

/**
 * The facts of a placement that statistics count: no person in it, so it is there for anonymised
 * placements too.
 *
 * @param relocatedFrom the placement this one replaced, null for new demand
 */
public record PlacementTimeline(
    PlacementStatus status, String relocatedFrom, Instant createdAt, Instant firstHeldAt, Instant checkedInAt) {}
