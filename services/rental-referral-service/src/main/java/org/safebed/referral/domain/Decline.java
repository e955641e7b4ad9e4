package org.safebed.referral.domain;

import java.time.Instant;

/** A unit the resident turned down, and why: kept so officers do not offer it again blindly. */
public record Decline(String unitId, DeclineReason reason, Instant at) {}
