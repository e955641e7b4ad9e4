package org.safebed.referral.application;

import java.time.Instant;
import org.safebed.referral.domain.Referral;

/** A referral as of a moment: whether it is stalled then, and "now" for the time spent in its current step. */
public record ReferralView(Referral referral, boolean stalled, Instant asOf) {}
