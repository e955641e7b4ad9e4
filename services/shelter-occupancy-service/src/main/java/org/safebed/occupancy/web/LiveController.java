package org.safebed.occupancy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import org.safebed.occupancy.application.LiveStatus;
import org.safebed.occupancy.application.LiveStatus.Subscription;
import org.safebed.occupancy.application.PlacementLifecycle;
import org.safebed.occupancy.application.ShelterAdministration;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.web.api.LiveApi;
import org.safebed.occupancy.web.model.ArrivalDto;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.security.Caller;
import org.safebed.platform.web.security.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of status changes. Events carry exactly what the REST answers carry for the
 * same caller (never an address or a location); access is checked once, when the stream opens.
 */
@RestController
public class LiveController implements LiveApi {

  private final LiveStatus live;
  private final PlacementLifecycle lifecycle;
  private final ShelterAdministration administration;
  private final OccupancyProperties properties;

  public LiveController(LiveStatus live, PlacementLifecycle lifecycle, ShelterAdministration administration,
      OccupancyProperties properties) {
    this.live = live;
    this.lifecycle = lifecycle;
    this.administration = administration;
    this.properties = properties;
  }

  @Override
  @PreAuthorize("hasAnyRole('POLICE', 'COORDINATOR')")
  public ResponseEntity<SseEmitter> followPlacement(String placementId) {
    Caller caller = Caller.current();
    Placement current = lifecycle.view(caller, placementId);
    boolean withReasons = caller.has(Role.COORDINATOR);
    SseEmitter emitter = new SseEmitter(properties.liveTimeout().toMillis());
    Subscription subscription = live.followPlacement(current,
        placement -> emitter.send(SseEmitter.event().name("placement").id(Long.toString(placement.version()))
            .data(WebMapping.placement(placement, withReasons, PlacementLifecycle.arrivalFor(caller, placement)),
                MediaType.APPLICATION_JSON)),
        heartbeat(emitter));
    return stream(emitter, subscription);
  }

  @Override
  @PreAuthorize("hasAnyRole('SHELTER_MANAGER', 'COORDINATOR')")
  public ResponseEntity<SseEmitter> followShelter(String shelterId) {
    Caller caller = Caller.current();
    administration.get(caller, shelterId);
    SseEmitter emitter = new SseEmitter(properties.liveTimeout().toMillis());
    Subscription subscription = live.followShelter(shelterId,
        view -> emitter.send(SseEmitter.event().name("shelter")
            .data(WebMapping.shelter(view), MediaType.APPLICATION_JSON)),
        placement -> emitter.send(SseEmitter.event().name("placement")
            .data(new PlacementStatusChange(placement.id(), placement.status().name(),
                PlacementLifecycle.arrivalFor(caller, placement).map(WebMapping::arrival).orElse(null)),
                MediaType.APPLICATION_JSON)),
        heartbeat(emitter));
    return stream(emitter, subscription);
  }

  /**
   * What a shelter's follower learns of a placement there: which one, its status and, while it
   * holds a bed there, what to prepare for her (left out otherwise).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PlacementStatusChange(String id, String status, ArrivalDto arrival) {}

  private static Runnable heartbeat(SseEmitter emitter) {
    return () -> {
      try {
        emitter.send(SseEmitter.event().comment("heartbeat"));
      } catch (IOException | IllegalStateException e) {
        throw new ApiException(org.springframework.http.HttpStatus.GONE, "gone", "stream closed");
      }
    };
  }

  private static ResponseEntity<SseEmitter> stream(SseEmitter emitter, Subscription subscription) {
    emitter.onCompletion(subscription::close);
    emitter.onTimeout(subscription::close);
    emitter.onError(error -> subscription.close());
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Accel-Buffering", "no")
        .contentType(MediaType.TEXT_EVENT_STREAM)
        .body(emitter);
  }
}
