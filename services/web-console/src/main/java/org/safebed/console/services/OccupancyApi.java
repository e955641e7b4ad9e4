package org.safebed.console.services;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safebed.console.services.model.Placement;
import org.safebed.console.services.model.Shelter;
import org.safebed.console.services.model.Statistics;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The shelter occupancy API, as far as the console's pages use it. */
public final class OccupancyApi {

  private static final ParameterizedTypeReference<List<Placement>> PLACEMENTS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Shelter>> SHELTERS = new ParameterizedTypeReference<>() {};

  private final ServiceCalls calls;
  private final LiveStreams live;

  OccupancyApi(ServiceCalls calls, LiveStreams live) {
    this.calls = calls;
    this.live = live;
  }

  /** Newest first: police their own, a shelter manager those at her shelters. */
  public List<Placement> placements(String status, int limit) {
    return calls.call(client -> client.get()
        .uri(uri -> {
          uri.path("/api/placements").queryParam("limit", limit);
          if (status != null) {
            uri.queryParam("status", status);
          }
          return uri.build();
        })
        .retrieve().body(PLACEMENTS));
  }

  public Placement placement(String id) {
    return calls.call(client -> client.get().uri("/api/placements/{id}", id).retrieve().body(Placement.class));
  }

  /**
   * Follows a placement's changes as they happen, on the calling thread, until the stream ends or
   * the listener stops: each event is the placement as {@link #placement} answers it.
   */
  public LiveStreams.End followPlacement(String id, String token, LiveStreams.Listener listener) {
    return live.follow(token, listener, "/api/placements/{id}/events", id);
  }

  /** Idempotent per key: the same form sent again answers the same placement. */
  public Placement request(Map<String, Object> request, UUID idempotencyKey) {
    return calls.call(client -> client.post().uri("/api/placements")
        .header("Idempotency-Key", idempotencyKey.toString())
        .contentType(MediaType.APPLICATION_JSON)
        .body(request)
        .retrieve().body(Placement.class));
  }

  public Placement cancel(String id) {
    return post("/api/placements/{id}/cancel", id);
  }

  public Placement checkIn(String id) {
    return post("/api/placements/{id}/check-in", id);
  }

  public Placement noShow(String id) {
    return post("/api/placements/{id}/no-show", id);
  }

  public List<Shelter> shelters() {
    return calls.call(client -> client.get().uri("/api/shelters").retrieve().body(SHELTERS));
  }

  /** Coordinators: aggregate numbers, small counts suppressed by the service. */
  public Statistics statistics() {
    return calls.call(client -> client.get().uri("/api/statistics").retrieve().body(Statistics.class));
  }

  /** Coordinators: placements waitlisted longer than allowed, most urgent first, then oldest. */
  public List<Placement> escalations() {
    return calls.call(client -> client.get().uri("/api/escalations").retrieve().body(PLACEMENTS));
  }

  /** A coordinator or the shelter's manager vouches that its bed statuses are current (audited). */
  public Shelter confirmCapacity(String shelterId) {
    return calls.call(client -> client.post().uri("/api/shelters/{id}/capacity-check", shelterId)
        .retrieve().body(Shelter.class));
  }

  /** {@code OPEN}, {@code CLOSED} or {@code COMPROMISED} (final: its residents are relocated). */
  public Shelter changeShelterStatus(String shelterId, String status) {
    return calls.call(client -> client.put().uri("/api/shelters/{id}/status", shelterId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status))
        .retrieve().body(Shelter.class));
  }

  private Placement post(String path, String id) {
    return calls.call(client -> client.post().uri(path, id).retrieve().body(Placement.class));
  }
}
