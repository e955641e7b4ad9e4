package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Live status as server-sent events: police follow their placement, managers their shelter. */
class LiveStatusIT extends OccupancyIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final List<Stream<String>> open = new ArrayList<>();

  /** An open event stream: its lines arrive in a queue. */
  private record EventStream(int status, String contentType, BlockingQueue<String> lines) {

    /** The data of the next event with this name, waiting up to 10 s for it. */
    JsonNode next(String event) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      String name = null;
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:") && event.equals(name)) {
          return Http.JSON.readTree(line.substring(5).trim());
        }
      }
      throw new AssertionError("no '" + event + "' event within 10 s");
    }

    boolean sawLineStartingWith(String prefix, Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  private EventStream follow(String path, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream")
        .GET().build();
    HttpResponse<Stream<String>> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Stream<String> body = response.body();
    open.add(body);
    Thread.ofVirtual().start(() -> {
      try {
        body.forEach(lines::add);
      } catch (RuntimeException closed) {
        // the test closed the stream
      }
    });
    return new EventStream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), lines);
  }

  @AfterEach
  void closeStreams() {
    open.forEach(Stream::close);
  }

  @Test
  void policeFollowTheirPlacementWithoutPolling() throws Exception {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    String police = unique("police");
    String placementId = id(requestFor(police, area));

    EventStream stream = follow("/api/placements/" + placementId + "/events", TestTokens.police(police));

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

    EventStream stranger = follow(path, TestTokens.police(unique("police-b")));
    EventStream driver = follow(path, TestTokens.driver("d"));
    EventStream coordinatorStream = follow(path, coordinator());

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

    assertThat(follow(path, manager(other)).status()).isEqualTo(404);
    assertThat(follow(path, TestTokens.police("p")).status()).isEqualTo(403);
    EventStream stream = follow(path, manager(shelter));

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
