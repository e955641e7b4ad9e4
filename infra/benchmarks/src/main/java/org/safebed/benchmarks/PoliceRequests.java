package org.safebed.benchmarks;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Emergency placement requests as police send them: a 14-year-old girl found north of Paris, one
 * exclusion zone around where her exploiters operate, a fresh Idempotency-Key each time.
 * Synthetic case references only.
 */
final class PoliceRequests {

  static final String POLICE = "demo-police";
  private static final AtomicLong sequence = new AtomicLong();

  private PoliceRequests() {}

  static SafeBedClient.Reply request(SafeBedClient client, String baseUrl) {
    long n = sequence.incrementAndGet();
    String body = """
        {"policeCaseRef": "BENCH-%d", "person": {"ageYears": 14, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": 48.9362, "lon": 2.3574},
         "exclusionZones": [{"lat": 48.95, "lon": 2.40, "radiusKm": 15}]}""".formatted(n);
    return client.post(baseUrl, POLICE, "/api/placements", body,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }
}
