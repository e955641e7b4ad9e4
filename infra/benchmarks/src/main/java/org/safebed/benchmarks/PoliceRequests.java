package org.safebed.benchmarks;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Emergency placement requests as police send them: a 14-year-old girl found north of Paris (or
 * where the caller says), one exclusion zone around where her exploiters operate, a fresh Idempotency-Key each time; each from
 * the load-test police account it is given. Synthetic case references only.
 */
final class PoliceRequests {

  private static final AtomicLong sequence = new AtomicLong();

  private PoliceRequests() {}

  static SafeBedClient.Reply request(SafeBedClient client, String baseUrl, String account) {
    return request(client, baseUrl, account, 48.9362, 2.3574, 48.95, 2.40, 15);
  }

  /** Found at ({@code lat}, {@code lon}), with an exclusion zone of 5 km just north-east of there. */
  static SafeBedClient.Reply requestAt(SafeBedClient client, String baseUrl, String account, double lat, double lon) {
    return request(client, baseUrl, account, lat, lon, lat + 0.03, lon + 0.03, 5);
  }

  private static SafeBedClient.Reply request(SafeBedClient client, String baseUrl, String account, double lat,
      double lon, double zoneLat, double zoneLon, double zoneKm) {
    long n = sequence.incrementAndGet();
    String body = """
        {"policeCaseRef": "BENCH-%d", "person": {"ageYears": 14, "gender": "FEMALE"}, "needs": [],
         "location": {"lat": %s, "lon": %s},
         "exclusionZones": [{"lat": %s, "lon": %s, "radiusKm": %s}]}""".formatted(n, coordinate(lat), coordinate(lon),
        coordinate(zoneLat), coordinate(zoneLon), coordinate(zoneKm));
    return client.post(baseUrl, account, "/api/placements", body,
        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
  }

  private static String coordinate(double value) {
    return String.format(java.util.Locale.ROOT, "%.4f", value);
  }
}
