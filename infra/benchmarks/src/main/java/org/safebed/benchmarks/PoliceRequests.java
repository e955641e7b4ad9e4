package org.safebed.benchmarks;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Emergency placement requests as police send them: a 14-year-old girl found north of Paris, one
 * exclusion zone around where her exploiters operate, a fresh Idempotency-Key each time; each from
 * the load-test police account it is given. Synthetic case references only.
 */
final class PoliceRequests {

  private static final AtomicLong sequence = new AtomicLong();

  private PoliceRequests() {}

  static SafeBedClient.Reply request(SafeBedClient client, String baseUrl, String account) {
    long n = sequence.incrementAndGet();
    String body = """
        {"policeCaseRef": "BENCH-%d", "person": {"ageYears": 14, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": 48.9362, "lon": 2.3574},
         "exclusionZones": [{"lat": 48.95, "lon": 2.40, "radiusKm": 15}]}""".formatted(n);
    return client.post(baseUrl, account, "/api/placements", body,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }
}
