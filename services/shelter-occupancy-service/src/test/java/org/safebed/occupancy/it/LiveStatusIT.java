package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Live status as server-sent events: police follow their placement, managers their shelter. */
class LiveStatusIT extends OccupancyIT {

  @Test
  void policeFollowTheirPlacementWithoutPolling() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String placementId = id(requestFor(police, area));

    EventStreams.EventStream stream =
        streams.follow("/api/placements/" + placementId + "/events", TestTokens.police(police));

    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.contentType()).startsWith("text/event-stream");
    assertThat(stream.next("placement").get("status").asString()).isEqualTo("HELD");
    checkIn(placementId, shelter);
    JsonNode checkedIn = stream.next("placement");
    assertThat(checkedIn.get("status").asString()).isEqualTo("CHECKED_IN");
    assertThat(checkedIn.toString()).doesNotContain(ADDRESS_MARK).doesNotContainIgnoringCase("address")
        .doesNotContain("matchReasons");
    assertThat(stream.sawLineStartingWith(":", Duration.ofSeconds(5))).as("heartbeats keep proxies from closing it")
        .isTrue();
  }

  @Test
  void onlyTheRequesterAndCoordinatorsMayFollowAPlacement() throws Exception {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 1);
    String placementId = id(requestFor(unique("police"), area));
    String path = "/api/placements/" + placementId + "/events";

    EventStreams.EventStream stranger = streams.follow(path, TestTokens.police(unique("police-b")));
    EventStreams.EventStream driver = streams.follow(path, TestTokens.driver("d"));
    EventStreams.EventStream coordinatorStream = streams.follow(path, coordinator());

    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.contentType()).startsWith("application/problem+json");
    assertThat(driver.status()).isEqualTo(403);
    assertThat(coordinatorStream.status()).isEqualTo(200);
    assertThat(coordinatorStream.next("placement").has("matchReasons")).isTrue();
    assertThat(http.get(path, null).status()).isEqualTo(401);
  }

  @Test
  void managersFollowTheirShelterAndItsPlacements() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String other = minorGirlsShelter(offset(area, 3, 0), 1);
    String path = "/api/shelters/" + shelter + "/events";

    assertThat(streams.follow(path, manager(other)).status()).isEqualTo(404);
    assertThat(streams.follow(path, TestTokens.police("p")).status()).isEqualTo(403);
    EventStreams.EventStream stream = streams.follow(path, manager(shelter));

    assertThat(stream.status()).isEqualTo(200);
    assertThat(stream.next("shelter").get("beds").get("available").asInt()).isEqualTo(2);
    String placementId = id(requestFor(unique("police"), area));
    JsonNode placement = stream.next("placement");
    assertThat(placement.get("id").asString()).isEqualTo(placementId);
    assertThat(placement.get("status").asString()).isEqualTo("HELD");
    assertThat(placement.get("arrival").get("ageBand").asString()).as("what to prepare").isEqualTo("AGE_14_15");
    assertThat(placement.get("arrival").has("ageYears")).isFalse();
    http.put("/api/shelters/" + shelter + "/status", manager(shelter), "{\"status\":\"CLOSED\"}");
    JsonNode closed;
    do {
      closed = stream.next("shelter");
    } while (!"CLOSED".equals(closed.get("status").asString()));
    assertThat(closed.get("beds").get("held").asInt()).isEqualTo(1);
    assertThat(closed.get("beds").get("available").asInt()).isEqualTo(1);
    assertThat(closed.toString()).doesNotContain(ADDRESS_MARK);
    assertThat(http.post("/api/placements/" + placementId + "/no-show", manager(shelter), null).status())
        .isEqualTo(200);
    JsonNode noShow = stream.next("placement");
    assertThat(noShow.get("status").asString()).isEqualTo("NO_SHOW");
    assertThat(noShow.has("arrival")).as("nothing to prepare once it ended").isFalse();
  }
}
