package org.safebed.transport.messaging;

import java.time.LocalDate;

/** Transport's record of {@code referral.tenancy-started.v1}: only the fields it reads. */
public record TenancyStarted(String referralId, String placementId, LocalDate moveInDate, String region) {}
