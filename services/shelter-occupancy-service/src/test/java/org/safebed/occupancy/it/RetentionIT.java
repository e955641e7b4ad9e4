package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.retention.RetentionProperties;
import org.safebed.platform.web.retention.RetentionSweep;
import org.safebed.platform.web.retention.RetentionTask;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closed placements lose their personal data once the retention period has passed (the sweep is
 * run here with a clock a day past it); open ones keep it, and the statistics do not change.
 */
class RetentionIT extends OccupancyIT {

  @Autowired List<RetentionTask> tasks;
  @Autowired AuditTrail audit;
  @Autowired RetentionProperties retention;

  private RetentionSweep sweepAfterThePeriod() {
    Clock later = Clock.offset(Clock.systemUTC(), retention.closedCasePeriod().plus(Duration.ofDays(1)));
    return new RetentionSweep(tasks, audit, retention, later);
  }

  private static String digits(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private Map<String, Object> requestWithIdentity(GeoPoint where, String caseRef, String keepApartFrom) {
    Map<String, Object> body = placementBody(15, "FEMALE", where,
        List.of(Map.of("lat", where.lat() + 0.2137, "lon", where.lon() + 0.1913, "radiusKm", 3.5)));
    body.put("policeCaseRef", caseRef);
    body.put("keepApartFrom", List.of(keepApartFrom));
    return body;
  }

  private JsonNode statistics() {
    ServiceHttp.Response response = http.get("/api/statistics", coordinator());
    assertThat(response.status()).isEqualTo(200);
    ObjectNode stats = (ObjectNode) response.json();
    stats.remove("generatedAt");
    stats.remove("windowStart");
    return stats;
  }

  @Test
  void closedPlacementsLoseTheirPersonalDataAfterThePeriodAndStatisticsStayTheSame() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.05, 0), 8);
    String police = unique("police");
    GeoPoint pickUp = offset(area, 0.0123, 0.0071);
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ServiceHttp.Response asked = requestPlacement(TestTokens.police(police),
          requestWithIdentity(pickUp, "PJ-2026-77" + i, "PJ-2026-88" + i));
      assertThat(asked.status()).as(asked.body()).isEqualTo(201);
      String id = id(asked);
      assertThat(checkIn(id, shelter).status()).isEqualTo(200);
      assertThat(http.post("/api/placements/" + id + "/check-out", manager(shelter),
          ServiceHttp.json(Map.of("reason", "RETURNED_TO_FAMILY"))).status()).isEqualTo(200);
      closed.add(id);
    }
    String open = id(requestPlacement(TestTokens.police(police), requestWithIdentity(pickUp, "PJ-2026-990", "PJ-2026-991")));
    assertThat(statusOf(open)).isEqualTo("HELD");
    JsonNode before = statistics();

    RetentionSweep.Result result = sweepAfterThePeriod().sweep();

    assertThat(result.removed().get("placement")).isGreaterThanOrEqualTo(closed.size());
    for (String id : closed) {
      Document raw = placementDocument(id);
      assertThat(raw).doesNotContainKeys("request", "sealedCaseRef", "caseToken", "requestFingerprint")
          .containsKey("anonymisedAt");
      assertThat(raw.getString("idempotencyKey")).isEqualTo("anonymised:" + id);
      assertThat(raw.toJson()).doesNotContain("PJ-2026").doesNotContain(digits(pickUp.lat()))
          .doesNotContain(digits(pickUp.lon()));
      assertThat(raw.getString("status")).isEqualTo("CHECKED_OUT");
      assertThat(raw.get("hold", Document.class).getString("shelterId")).isEqualTo(shelter);
      assertThat(auditFor(id)).anySatisfy(entry -> {
        assertThat(entry.getString("action")).isEqualTo("PERSONAL_DATA_ANONYMISED");
        assertThat(entry.getString("actor")).isEqualTo("retention-sweep");
      });
      ServiceHttp.Response gone = http.get("/api/placements/" + id, TestTokens.police(police));
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.isProblem()).isTrue();
    }
    Document stillOpen = placementDocument(open);
    assertThat(stillOpen).containsKeys("request", "sealedCaseRef", "caseToken").doesNotContainKey("anonymisedAt");
    assertThat(http.get("/api/placements/" + open, TestTokens.police(police)).status()).isEqualTo(200);
    assertThat(statistics()).isEqualTo(before);
    assertThat(audit.verify().intact()).isTrue();
    assertThat(sweepAfterThePeriod().sweep().removed().get("placement")).isZero();
    http.post("/api/placements/" + open + "/cancel", TestTokens.police(police), null);
  }

  @Test
  void coordinatorsRunTheSweepAndSeeItsCountsWhichLeavesRecentlyClosedCasesAlone() {
    String police = unique("police");
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.05, 0), 1);
    String placement = id(requestFor(police, area));
    assertThat(http.post("/api/placements/" + placement + "/cancel", TestTokens.police(police), null).status())
        .isEqualTo(200);

    ServiceHttp.Response swept = http.post("/actuator/retention", coordinator(), null);

    assertThat(swept.status()).as(swept.body()).isEqualTo(200);
    assertThat(swept.json().get("removed").get("placement").asInt()).isZero();
    assertThat(placementDocument(placement)).containsKey("request").doesNotContainKey("anonymisedAt");
    ServiceHttp.Response status = http.get("/actuator/retention", coordinator());
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("closedCasePeriod").asString()).isEqualTo("P90D");
    assertThat(status.body()).contains("placement", "dead_letter");
    assertThat(http.post("/actuator/retention", TestTokens.police(police), null).status()).isEqualTo(403);
    assertThat(http.get("/actuator/retention", manager("any")).status()).isEqualTo(403);
  }
}
