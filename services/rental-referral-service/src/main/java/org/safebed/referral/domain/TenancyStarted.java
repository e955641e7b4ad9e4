package org.safebed.referral.domain;

import java.time.LocalDate;

/**
 * The resident moves into her rental unit: the shelter releases her bed, transport books the move.
 * Opaque ids and coarse facts only.
 */
public record TenancyStarted(
    String referralId, String placementId, String unitId, LocalDate moveInDate, String region) {}
