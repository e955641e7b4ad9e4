package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Waitlist;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/** The waitlist: urgency then age, served on every kind of freed bed, and escalated when too long. */
class WaitlistIT extends OccupancyIT {

  @Autowired Waitlist waitlist;

  private String waitlisted(GeoPoint area, String urgency) {
    Map<String, Object> body = placementBody(14, "FEMALE", area, new ArrayList<>());
    if (urgency != null) {
      body.put("urgency", urgency);
    }
    ServiceHttp.Response response = requestPlacement(TestTokens.police(unique("police")), body);
    assertThat(response.status()).isEqualTo(202);
    return id(response);
  }

  @Test
  void moreUrgentFirstThenOlder() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 1);
    String holder = id(requestFor(unique("police"), area));
    String olderNormal = waitlisted(area, null);
    String newerNormal = waitlisted(area, "NORMAL");
    String newestHigh = waitlisted(area, "HIGH");

    http.post("/api/placements/" + holder + "/cancel", coordinator(), null);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(newestHigh)).isEqualTo("HELD"));
    assertThat(statusOf(olderNormal)).isEqualTo("WAITLISTED");

    http.post("/api/placements/" + newestHigh + "/cancel", coordinator(), null);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(olderNormal)).isEqualTo("HELD"));
    assertThat(statusOf(newerNormal)).isEqualTo("WAITLISTED");
    http.post("/api/placements/" + newerNormal + "/cancel", coordinator(), null);
  }

  @Test
  void aBedFreedJustAsANewRequestArrivesGoesToTheHeadOfTheWaitlist() throws Exception {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 1);
    for (int round = 0; round < 10; round++) {
      ServiceHttp.Response holder = requestFor(unique("police"), area);
      assertThat(holder.status()).as("round %d: %s", round, holder.body()).isEqualTo(201);
      String head = waitlisted(area, null);
      CountDownLatch start = new CountDownLatch(1);
      try (ExecutorService race = Executors.newFixedThreadPool(2)) {
        race.submit(() -> {
          start.await();
          return http.post("/api/placements/" + id(holder) + "/cancel", coordinator(), null);
        });
        Future<ServiceHttp.Response> newcomer = race.submit(() -> {
          start.await();
          return requestFor(unique("police"), area);
        });
        start.countDown();
        String late = id(newcomer.get());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(head)).isEqualTo("HELD"));
        assertThat(statusOf(late)).as("round %d: the newcomer waits behind her", round).isEqualTo("WAITLISTED");
        http.post("/api/placements/" + late + "/cancel", coordinator(), null);
        http.post("/api/placements/" + head + "/cancel", coordinator(), null);
      }
    }
  }

  @Test
  void aBedBackInServiceOrACheckOutServesTheWaitlist() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    assertThat(http.put("/api/shelters/" + shelter + "/beds/" + shelter + "-bed-2/service-status", manager(shelter),
        "{\"inService\":false,\"reason\":\"MAINTENANCE\"}").status()).isEqualTo(200);
    String resident = id(requestFor(unique("police"), area));
    String first = waitlisted(area, null);

    http.put("/api/shelters/" + shelter + "/beds/" + shelter + "-bed-2/service-status", manager(shelter),
        "{\"inService\":true}");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(first)).isEqualTo("HELD"));

    String second = waitlisted(area, null);
    checkIn(resident, shelter);
    http.post("/api/placements/" + resident + "/check-out", manager(shelter), "{\"reason\":\"RETURNED_TO_FAMILY\"}");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(second)).isEqualTo("HELD"));
    assertThat(placementDocument(resident).getString("checkOutReason")).isEqualTo("RETURNED_TO_FAMILY");
  }

  @Test
  void aLongWaitRaisesAnEscalationForCoordinators() {
    GeoPoint area = newArea();
    String police = unique("police");
    String waiting = id(requestFor(police, area));
    mongo.getCollection("placements").updateOne(new Document("_id", waiting),
        new Document("$set", new Document("createdAt", Date.from(Instant.now().minus(Duration.ofHours(2))))));

    assertThat(waitlist.escalate()).isGreaterThanOrEqualTo(1);

    ServiceHttp.Response escalations = http.get("/api/escalations", coordinator());
    assertThat(escalations.status()).isEqualTo(200);
    assertThat(escalations.json().valueStream().filter(p -> waiting.equals(p.get("id").asString())))
        .singleElement().satisfies(p -> {
          assertThat(p.get("status").asString()).isEqualTo("WAITLISTED");
          assertThat(p.has("escalatedAt")).isTrue();
        });
    assertThat(http.get("/api/placements/" + waiting, TestTokens.police(police)).json().has("escalatedAt")).isTrue();
    assertThat(waitlist.escalate()).as("once").isZero();
    assertThat(http.get("/api/escalations", TestTokens.police(police)).status()).isEqualTo(403);

    http.post("/api/placements/" + waiting + "/cancel", TestTokens.police(police), null);
    assertThat(http.get("/api/escalations", coordinator()).json().valueStream()
        .map(p -> p.get("id").asString())).as("no longer waiting").doesNotContain(waiting);
  }
}
