package org.safebed.transport.application;

import java.time.Instant;
import org.safebed.transport.domain.GeoPoint;

/** A bed held for a placement: what transport needs to plan the pick-up. */
public record HeldBed(
    String placementId,
    String shelterId,
    String region,
    boolean minor,
    GeoPoint pickupArea,
    GeoPoint destinationArea,
    Instant holdExpiresAt) {}
