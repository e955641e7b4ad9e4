package org.safebed.referral.domain;

import java.time.Instant;

/**
 * One step of a referral's history: the status it entered, when, and why (e.g. {@code CREATED},
 * {@code OFFER_EXPIRED}, {@code DECLINED_TOO_FAR}, {@code RESIDENT_CHECKED_OUT}).
 */
public record Step(ReferralStatus status, Instant enteredAt, String cause) {}
