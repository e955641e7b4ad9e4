package org.safebed.referral.domain;

import java.time.Instant;

/**
 * @param agencyId only this agency's referrals; null for all agencies (coordinators)
 * @param status only this status, or null
 * @param stalledBefore only active referrals without progress since this instant, or null
 */
public record ReferralQuery(String agencyId, ReferralStatus status, Instant stalledBefore, int limit) {}
