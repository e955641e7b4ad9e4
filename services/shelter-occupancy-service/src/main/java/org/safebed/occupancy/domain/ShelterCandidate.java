package org.safebed.occupancy.domain;

/** A shelter together with its exact location, opened (and audited) for one matching run only. */
public record ShelterCandidate(Shelter shelter, GeoPoint location) {}
