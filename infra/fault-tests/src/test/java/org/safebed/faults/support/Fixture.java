package org.safebed.faults.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    create(http, "/api/shelters", body, "shelter " + id);
  }

  static void drivers(Http http, int fleet) {
    for (String account : FaultSuite.DRIVER_ACCOUNTS) {
      driver(http, account, 48.94, 2.36);
    }
    // A few at a time: the gateway's rate limit (50/s per user) is the bound, not the round trips.
    try (ExecutorService registrations = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < fleet; i++) {
        int n = i;
        done.add(registrations.submit(() ->
            driver(http, "fault-driver-" + n, 48.80 + (n % 10) * 0.01, 2.20 + (n / 10 % 10) * 0.01)));
      }
      for (Future<?> registration : done) {
        registration.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  private static void driver(Http http, String account, double lat, double lon) {
    String body = """
        {"accountSubject": "%s", "vetted": true, "gender": "FEMALE", "languages": ["fr", "en"],
         "canEscortMinors": true, "base": {"lat": %s, "lon": %s}, "onDuty": true}"""
        .formatted(account, lat, lon);
    create(http, "/api/transport/drivers", body, "driver " + account);
  }

  /**
   * Creates through the gateway as a coordinator. A freshly started stack on a busy machine may
   * answer the first calls late (the gateway then says 503) and the per-user rate limit says 429:
   * both are tried again; 409 means an earlier attempt got through after all.
   */
  private static void create(Http http, String path, String body, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    Http.Reply reply;
    do {
      reply = http.api(FaultSuite.COORDINATOR, "POST", path, body);
      if (reply.status() == 201 || reply.status() == 409) {
        return;
      }
      if (reply.status() != 429 && reply.status() < 500) {
        break;
      }
      FaultSuite.sleep(Duration.ofMillis(500));
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException(what + " not created: " + reply.status() + " " + reply.body());
  }
}
