package org.safebed.transport.application;

import java.time.Instant;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.GeoPoint;

/**
 * A bed held for a placement: what transport needs to plan the pick-up.
 *
 * @param eventId the {@code placement.bed-held.v1} that says so: one hold, one job
 * @param heldAt when the hold was made (the event's {@code occurredAt}), to tell a new hold of the
 *     placement from a late copy of an old one
 */
public record HeldBed(
    String eventId,
    Instant heldAt,
    String placementId,
    String shelterId,
    String region,
    EscortNeeds escort,
    GeoPoint pickupArea,
    GeoPoint destinationArea,
    Instant holdExpiresAt) {}
