package org.safebed.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Police placement requests as the Gatling runs send them, each virtual user one request from a
 * load-test police account (three placements per account, the cap per requester).
 *
 * <p>The open model's mix, in a fixed cycle of five so that exactly a fifth end waitlisted:
 * one exclusion zone (as the closed-loop benchmark); one zone and a keep-apart reference to the
 * case placed five before (held somewhere, so the matching must avoid that shelter); waitlisted
 * (a pregnancy-support need that no seeded shelter meets); two exclusion zones, the second over
 * some of the benchmark's shelters, urgent, a female escort; no zone, a boy of 16. Places vary a
 * little around the pick-up point. The saturation run sends the first kind only, every one a hold.
 * Case references are synthetic ({@code LOAD-<run>-<n>}).
 */
final class PlacementMix {

  /** Gatling's name of the requests that must end with a bed held (201). */
  static final String BED_EXPECTED = "placement: bed expected";
  /** Gatling's name of the requests that must end waitlisted (202). */
  static final String WAITLISTED = "placement: waitlisted";

  enum Kind { ONE_ZONE, KEEP_APART, WAITLISTED, TWO_ZONES, NO_ZONE }

  private PlacementMix() {}

  static Kind kindOf(long n, boolean mixed) {
    return mixed ? Kind.values()[(int) (n % Kind.values().length)] : Kind.ONE_ZONE;
  }

  /** Where police found the person of placement {@code n}: one of 77 points north of Paris. */
  static double pickupLat(long n) {
    return 48.90 + (n % 7) * 0.008;
  }

  static double pickupLon(long n) {
    return 2.30 + (n % 11) * 0.006;
  }

  /** The request body of placement {@code n} of the run. */
  static String body(long n, Kind kind, String run) {
    double lat = pickupLat(n);
    double lon = pickupLon(n);
    String person = kind == Kind.NO_ZONE ? "{\"ageYears\": 16, \"gender\": \"MALE\"}"
        : "{\"ageYears\": " + (12 + n % 6) + ", \"gender\": \"FEMALE\"}";
    String zones = switch (kind) {
      case NO_ZONE -> "[]";
      case TWO_ZONES -> "[{\"lat\": 48.95, \"lon\": 2.40, \"radiusKm\": 15}, {\"lat\": 48.66, \"lon\": 2.05, \"radiusKm\": 4}]";
      default -> "[{\"lat\": 48.95, \"lon\": 2.40, \"radiusKm\": 15}]";
    };
    StringBuilder body = new StringBuilder()
        .append("{\"policeCaseRef\": \"LOAD-").append(run).append('-').append(n).append("\", ")
        .append("\"person\": ").append(person).append(", ")
        .append("\"needs\": ").append(kind == Kind.WAITLISTED ? "[\"PREGNANCY_SUPPORT\"]" : "[]").append(", ")
        .append("\"location\": {\"lat\": ").append(coordinate(lat)).append(", \"lon\": ").append(coordinate(lon)).append("}, ")
        .append("\"exclusionZones\": ").append(zones);
    if (kind == Kind.KEEP_APART && n >= Kind.values().length) {
      body.append(", \"keepApartFrom\": [\"LOAD-").append(run).append('-').append(n - Kind.values().length).append("\"]");
    }
    if (kind == Kind.TWO_ZONES) {
      body.append(", \"urgency\": \"HIGH\", \"escortGender\": \"FEMALE\"");
    }
    return body.append('}').toString();
  }

  /**
   * Gatling's feeder: placement {@code n} from account {@code first + n mod count}, with its token,
   * its body and whether it should end waitlisted. Accounts take turns, so that one account's
   * placements are far apart, as one officer's are (simultaneous first requests of one account can
   * be refused as over the cap: see {@link PoliceAccounts#perThread()}). Runs dry once every
   * account has placed three, which ends the run: they are sized with room to spare.
   */
  static Iterator<Map<String, Object>> requests(PoliceAccounts.Range accounts, Map<String, String> tokens,
      String run, boolean mixed) {
    return new Iterator<>() {
      private long n;

      @Override
      public synchronized boolean hasNext() {
        return n < (long) accounts.count() * PoliceAccounts.PLACEMENTS_PER_ACCOUNT;
      }

      @Override
      public synchronized Map<String, Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no load-test police account left for this run");
        }
        long placement = n++;
        String account = PoliceAccounts.PREFIX + (accounts.first() + placement % accounts.count());
        Kind kind = kindOf(placement, mixed);
        return Map.of("token", tokens.get(account), "body", body(placement, kind, run),
            "waitlisted", kind == Kind.WAITLISTED);
      }
    };
  }

  /** One request of the feeder's; a 201's placement and when it came go to {@link HeldPlacements}. */
  static ChainBuilder place() {
    return doIfOrElse(session -> session.getBoolean("waitlisted"))
        .then(exec(request(WAITLISTED).check(status().is(202))))
        .orElse(exec(request(BED_EXPECTED).check(status().is(201), jsonPath("$.id").saveAs("placementId")))
            .exec(session -> {
              if (session.contains("placementId")) {
                HeldPlacements.held(session.getString("placementId"), System.nanoTime());
              }
              return session;
            }));
  }

  private static HttpRequestActionBuilder request(String name) {
    return http(name).post("/api/placements")
        .header("Authorization", session -> "Bearer " + session.getString("token"))
        .header("Idempotency-Key", session -> UUID.randomUUID().toString())
        .body(StringBody(session -> session.getString("body")))
        .asJson();
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
