package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.safebed.transport.application.OfferExpiry;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Transport's notifications: a driver is told of her offer and of one that ran out, coordinators of
 * a job no driver could take; nobody else sees them.
 */
class NotificationsIT extends TransportScenario {

  @Autowired private OfferExpiry offerExpiry;

  @Test
  void aDriverIsToldOfHerOfferAndOfItRunningOutAndNobodyElseIs() {
    String driver = driver("drv-note-" + suffix(), 48.87, 2.36, true);
    String token = TestTokens.driver(accountOf(driver));
    String placement = newPlacementId();
    bedHeld(placement, true);
    awaitJob(placement, "OFFERED");
    String job = jobId(placement);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(kindsAbout(notificationsOf(token), job)).containsExactly("TRANSPORT_OFFERED"));
    JsonNode offered = about(notificationsOf(token), job).getFirst();
    assertThat(offered.get("severity").asString()).isEqualTo("ACTION_REQUIRED");
    assertThat(offered.get("record").get("type").asString()).isEqualTo("TRANSPORT_JOB");
    assertThat(kindsAbout(notificationsOf(TestTokens.driver("someone-else-" + suffix())), job)).isEmpty();
    assertThat(kindsAbout(notificationsOf(TestTokens.coordinator("coordinator-" + suffix())), job)).isEmpty();

    clock.advance(OFFER_TIMEOUT.plusSeconds(1));
    offerExpiry.sweep();

    assertThat(kindsAbout(notificationsOf(token), job))
        .containsExactlyInAnyOrder("TRANSPORT_OFFERED", "TRANSPORT_OFFER_EXPIRED");
    String body = http.get("/api/notifications", token).body();
    assertThat(body).doesNotContain("shelter-alpha");
  }

  @Test
  void coordinatorsAreToldOfAJobNoDriverCouldTake() {
    String placement = newPlacementId();
    bedHeld(placement, false);
    awaitJob(placement, "UNASSIGNED");
    String job = jobId(placement);

    JsonNode coordinators = notificationsOf(TestTokens.coordinator("coordinator-" + suffix()));
    assertThat(kindsAbout(coordinators, job)).containsExactly("TRANSPORT_UNASSIGNED");
    assertThat(about(coordinators, job).getFirst().get("severity").asString()).isEqualTo("CRITICAL");
    assertThat(kindsAbout(notificationsOf(TestTokens.police("police-" + suffix())), job)).isEmpty();
    assertThat(http.get("/api/notifications", TestTokens.service("shelter-occupancy-service")).status())
        .isEqualTo(403);
  }

  private JsonNode notificationsOf(String token) {
    ServiceHttp.Response response = http.get("/api/notifications", token);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static List<JsonNode> about(JsonNode page, String jobId) {
    return page.get("items").valueStream().filter(n -> n.get("record").get("id").asString().equals(jobId)).toList();
  }

  private static List<String> kindsAbout(JsonNode page, String jobId) {
    return about(page, jobId).stream().map(n -> n.get("kind").asString()).toList();
  }
}
