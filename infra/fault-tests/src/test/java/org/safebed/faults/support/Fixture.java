package org.safebed.faults.support;

import java.time.Duration;

/** The shelters and drivers the fault tests place into and drive with, created through the API. */
final class Fixture {

  /** Where the tests' children are found (north of Paris); both shelters take girls of 12 to 17. */
  static final double PICKUP_LAT = 48.9362;
  static final double PICKUP_LON = 2.3574;

  private Fixture() {}

  static void shelters(Http http) {
    // The demo manager's account manages these ids; the tests' manager checks residents in.
    shelter(http, "shelter-central-1", "Kestrel", 48.902, 2.418);
    shelter(http, "shelter-central-2", "Swift", 48.752, 2.251);
  }

  private static void shelter(Http http, String id, String codeName, double lat, double lon) {
    String body = """
        {"id": "%s", "codeName": "%s", "region": "central", "location": {"lat": %s, "lon": %s},
         "address": "1 Rue Inventee, Villefictive",
         "eligibility": {"minAge": 12, "maxAge": 17, "genders": ["FEMALE"]}, "bedCount": 200}"""
        .formatted(id, codeName, lat, lon);
    Http.Reply reply = http.api(FaultSuite.COORDINATOR, "POST", "/api/shelters", body);
    if (reply.status() != 201) {
      throw new IllegalStateException("shelter " + id + " not created: " + reply.status() + " " + reply.body());
    }
  }

  static void drivers(Http http, int fleet) {
    for (String account : FaultSuite.DRIVER_ACCOUNTS) {
      driver(http, account, 48.94, 2.36);
    }
    for (int i = 0; i < fleet; i++) {
      driver(http, "fault-driver-" + i, 48.80 + (i % 10) * 0.01, 2.20 + (i / 10 % 10) * 0.01);
    }
  }

  private static void driver(Http http, String account, double lat, double lon) {
    String body = """
        {"accountSubject": "%s", "vetted": true, "gender": "FEMALE", "languages": ["fr", "en"],
         "canEscortMinors": true, "base": {"lat": %s, "lon": %s}, "onDuty": true}"""
        .formatted(account, lat, lon);
    for (int attempt = 0; attempt < 20; attempt++) {
      Http.Reply reply = http.api(FaultSuite.COORDINATOR, "POST", "/api/transport/drivers", body);
      if (reply.status() == 201) {
        return;
      }
      if (reply.status() != 429) {
        throw new IllegalStateException("driver " + account + " not registered: " + reply.status() + " " + reply.body());
      }
      FaultSuite.sleep(Duration.ofMillis(500)); // the gateway's per-user rate limit
    }
    throw new IllegalStateException("driver " + account + " not registered: rate limited");
  }
}
