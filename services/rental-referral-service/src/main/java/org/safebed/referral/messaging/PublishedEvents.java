package org.safebed.referral.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.referral.domain.TenancyStarted;

/**
 * Referral's published events as they go on the wire (see
 * {@code api-specs/asyncapi/rental-referral-service.yaml}). The aggregate is the referral; the
 * placement id correlates the whole journey: rescue, shelter, move to the rental home.
 */
public final class PublishedEvents {

  public static final String TENANCY_STARTED = "referral.tenancy-started.v1";

  private PublishedEvents() {}

  /** The outbox entry of a tenancy that started, occurring at the referral's step. */
  public static OutboxEvent toOutbox(TenancyStarted event, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("referralId", event.referralId());
    data.put("placementId", event.placementId());
    data.put("unitId", event.unitId());
    data.put("moveInDate", event.moveInDate().toString());
    data.put("region", event.region());
    return new OutboxEvent(UUID.randomUUID().toString(), TENANCY_STARTED, at, event.referralId(), event.placementId(),
        data);
  }
}
