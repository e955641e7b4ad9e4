package org.safebed.referral.persistence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.safebed.platform.messaging.OutboxEvent;
import org.safebed.referral.domain.TenancyStarted;

/**
 * Domain events as entries of a referral's {@code pendingEvents} outbox, in the shape the platform's
 * relay publishes. The data carries ids and coarse facts only (see the AsyncAPI contract).
 */
public final class OutboxEntries {

  private OutboxEntries() {}

  public static Document of(TenancyStarted event, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("referralId", event.referralId());
    data.put("placementId", event.placementId());
    data.put("unitId", event.unitId());
    data.put("moveInDate", event.moveInDate().toString());
    data.put("region", event.region());
    // The placement id correlates the whole journey: rescue, shelter, move to the rental home.
    return new OutboxEvent(UUID.randomUUID().toString(), TenancyStarted.TYPE, at, event.referralId(), event.placementId(), data)
        .toDocument();
  }
}
