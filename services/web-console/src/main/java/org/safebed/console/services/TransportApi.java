package org.safebed.console.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safebed.console.services.model.Destination;
import org.safebed.console.services.model.Driver;
import org.safebed.console.services.model.DriverSelf;
import org.safebed.console.services.model.Pickup;
import org.safebed.console.services.model.TransportJob;
import org.safebed.console.services.model.UnassignedJob;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The transport API, as far as the driver's screen uses it. */
public final class TransportApi {

  private static final ParameterizedTypeReference<List<TransportJob>> JOBS = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<UnassignedJob>> UNASSIGNED = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Driver>> DRIVERS = new ParameterizedTypeReference<>() {};

  private final ServiceCalls calls;

  TransportApi(ServiceCalls calls) {
    this.calls = calls;
  }

  public DriverSelf me() {
    return calls.call(client -> client.get().uri("/api/transport/drivers/me").retrieve().body(DriverSelf.class));
  }

  public void setOnDuty(boolean onDuty) {
    calls.run(client -> client.put().uri("/api/transport/drivers/me/availability")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("onDuty", onDuty))
        .retrieve().toBodilessEntity());
  }

  /** Her offer or her job under way, if she has one (the most recently changed first). */
  public Optional<TransportJob> currentJob() {
    List<TransportJob> jobs = calls.call(client -> client.get().uri("/api/transport/jobs").retrieve().body(JOBS));
    return jobs == null ? Optional.empty() : jobs.stream().filter(TransportJob::active).findFirst();
  }

  public TransportJob job(String id) {
    return calls.call(client -> client.get().uri("/api/transport/jobs/{id}", id).retrieve().body(TransportJob.class));
  }

  /** {@code accept}, {@code decline}, {@code pick-up} or {@code deliver}. */
  public void act(String jobId, String action) {
    calls.run(client -> client.post().uri("/api/transport/jobs/{id}/{action}", jobId, action)
        .retrieve().toBodilessEntity());
  }

  /** Disclosed to her and audited by transport, every time: call only to show it. */
  public Pickup pickup(String jobId) {
    return calls.call(client -> client.get().uri("/api/transport/jobs/{id}/pickup", jobId).retrieve().body(Pickup.class));
  }

  /** Disclosed to her and audited by transport, every time: call only to show it. */
  public Destination destination(String jobId) {
    return calls.call(client -> client.get().uri("/api/transport/jobs/{id}/destination", jobId)
        .retrieve().body(Destination.class));
  }

  /** Transport's VAPID public key; a refusal (404) when push is off. */
  public String pushPublicKey() {
    return PushKeys.publicKey(calls, "/api/transport/push/public-key");
  }

  public void savePushSubscription(String endpoint, Map<String, String> keys) {
    PushKeys.save(calls, "/api/transport/drivers/me/push-subscription", endpoint, keys);
  }

  /** Coordinators: jobs no driver could take (most recently changed first). */
  public List<UnassignedJob> unassignedJobs() {
    List<UnassignedJob> jobs = calls.call(client -> client.get()
        .uri("/api/transport/jobs?status=UNASSIGNED").retrieve().body(UNASSIGNED));
    return jobs == null ? List.of() : jobs;
  }

  /** Coordinators: offer an unassigned job again; it comes back OFFERED or still UNASSIGNED. */
  public UnassignedJob reoffer(String jobId) {
    return calls.call(client -> client.post().uri("/api/transport/jobs/{id}/reoffer", jobId)
        .retrieve().body(UnassignedJob.class));
  }

  /** Coordinators: every driver. */
  public List<Driver> drivers() {
    List<Driver> drivers = calls.call(client -> client.get().uri("/api/transport/drivers").retrieve().body(DRIVERS));
    return drivers == null ? List.of() : drivers;
  }
}
