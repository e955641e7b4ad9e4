package org.safebed.console.services;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safebed.console.services.model.Alert;
import org.safebed.console.services.model.Bed;
import org.safebed.console.services.model.Placement;
import org.safebed.console.services.model.Shelter;
import org.safebed.console.services.model.Statistics;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The shelter occupancy API, as far as the console's pages use it. */
public final class OccupancyApi {

  private static final ParameterizedTypeReference<List<Placement>> PLACEMENTS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Shelter>> SHELTERS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Bed>> BEDS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Alert>> ALERTS = new ParameterizedTypeReference<>() {};

  private final ServiceCalls calls;
  private final LiveStreams live;

  OccupancyApi(ServiceCalls calls, LiveStreams live) {
    this.calls = calls;
    this.live = live;
  }

  /** Occupancy's VAPID public key for police devices; a refusal (404) when push is off. */
  public String pushPublicKey() {
    return PushKeys.publicKey(calls, "/api/notifications/push/public-key");
  }

  /** One of the officer's devices, woken when an urgent notification names her. */
  public void savePushSubscription(String endpoint, Map<String, String> keys) {
    PushKeys.save(calls, "/api/notifications/push-subscription", endpoint, keys);
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

  /** Where she went, as the spec codes it (LEFT_VOLUNTARILY, MOVED_TO_RENTAL, ...). */
  public Placement checkOut(String id, String reason) {
    return calls.call(client -> client.post().uri("/api/placements/{id}/check-out", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("reason", reason))
        .retrieve().body(Placement.class));
  }

  public Placement reportMissing(String id) {
    return post("/api/placements/{id}/missing", id);
  }

  public Placement reportReturned(String id) {
    return post("/api/placements/{id}/returned", id);
  }

  public Shelter shelter(String id) {
    return calls.call(client -> client.get().uri("/api/shelters/{id}", id).retrieve().body(Shelter.class));
  }

  public List<Bed> beds(String shelterId) {
    return calls.call(client -> client.get().uri("/api/shelters/{id}/beds", shelterId).retrieve().body(BEDS));
  }

  /** The pages draw the shelter again afterwards, so the answer is not read. */
  public void confirmCapacity(String shelterId) {
    calls.run(client -> client.post().uri("/api/shelters/{id}/capacity-check", shelterId)
        .retrieve().toBodilessEntity());
  }

  /** Out of service with the service's code for why; back in service without one. */
  public void changeBedService(String shelterId, String bedId, boolean inService, String reason) {
    Map<String, Object> change = reason == null ? Map.of("inService", inService)
        : Map.of("inService", inService, "reason", reason);
    calls.run(client -> client.put().uri("/api/shelters/{id}/beds/{bed}/service-status", shelterId, bedId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(change)
        .retrieve().toBodilessEntity());
  }

  /** OPEN, CLOSED or COMPROMISED (final: her residents are relocated, no new placements). */
  public void changeShelterStatus(String shelterId, String status) {
    calls.run(client -> client.put().uri("/api/shelters/{id}/status", shelterId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status))
        .retrieve().toBodilessEntity());
  }

  /**
   * Follows a shelter's changes (its counts, and placements there changing status) on the calling
   * thread, as {@link #followPlacement} does.
   */
  public LiveStreams.End followShelter(String shelterId, String token, LiveStreams.Listener listener) {
    return live.follow(token, listener, "/api/shelters/{id}/events", shelterId);
  }

  /** Coordinators: aggregate numbers over the last DAY or WEEK, small counts suppressed by the service. */
  public Statistics statistics(String window) {
    return calls.call(client -> client.get().uri(uri -> uri.path("/api/statistics").queryParam("window", window).build())
        .retrieve().body(Statistics.class));
  }

  /** Coordinators: placements waitlisted longer than allowed, most urgent first, then oldest. */
  /** Alerts about placements, newest first (a coordinator's: all of them). */
  public List<Alert> alerts() {
    return calls.call(client -> client.get().uri("/api/alerts").retrieve().body(ALERTS));
  }

  public List<Placement> escalations() {
    return calls.call(client -> client.get().uri("/api/escalations").retrieve().body(PLACEMENTS));
  }

  private Placement post(String path, String id) {
    return calls.call(client -> client.post().uri(path, id).retrieve().body(Placement.class));
  }
}
