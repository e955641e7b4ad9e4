package org.safebed.occupancy.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.safebed.occupancy.application.ShelterAdministration.ShelterView;
import org.safebed.occupancy.config.OccupancyProperties;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementObserver;
import org.safebed.occupancy.domain.PlacementRepository;
import org.safebed.occupancy.domain.PlacementStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Live status for followers of a placement or a shelter (server-sent events at the web layer).
 * Changes stored by this instance are pushed at once; a periodic {@link #poll} re-reads what is
 * followed, so changes stored by another instance arrive too, a moment later. Each follower gets
 * a change once (by placement version, by shelter state), on one background thread so that the
 * request that made the change never waits for a follower's connection.
 */
@Component
public class LiveStatus implements PlacementObserver, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LiveStatus.class);

  private final PlacementRepository placements;
  private final ObjectProvider<ShelterAdministration> administration;
  private final OccupancyProperties properties;
  private final Clock clock;
  private final Map<String, Set<PlacementFollower>> byPlacement = new ConcurrentHashMap<>();
  private final Map<String, Set<ShelterFollower>> byShelter = new ConcurrentHashMap<>();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("live-status").daemon().unstarted(r));
  private volatile Instant lastHeartbeat = Instant.EPOCH;

  public LiveStatus(
      PlacementRepository placements,
      ObjectProvider<ShelterAdministration> administration,
      OccupancyProperties properties,
      Clock clock) {
    this.placements = placements;
    this.administration = administration;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a follower is sent; each callback may throw when the connection is gone (it is dropped). */
  public interface Sink<T> {
    void send(T value) throws Exception;
  }

  /** Ends a subscription (the connection closed or timed out). */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final class PlacementFollower {
    final Sink<Placement> sink;
    final Runnable heartbeat;
    volatile long lastVersion = -1;

    PlacementFollower(Sink<Placement> sink, Runnable heartbeat) {
      this.sink = sink;
      this.heartbeat = heartbeat;
    }
  }

  private final class ShelterFollower {
    final Sink<ShelterView> shelterSink;
    final Sink<Placement> placementSink;
    final Runnable heartbeat;
    final Map<String, PlacementStatus> lastStatus = new ConcurrentHashMap<>();
    volatile ShelterView last;

    ShelterFollower(Sink<ShelterView> shelterSink, Sink<Placement> placementSink, Runnable heartbeat) {
      this.shelterSink = shelterSink;
      this.placementSink = placementSink;
      this.heartbeat = heartbeat;
    }
  }

  /** Follows a placement: its current state is sent at once, then every change. */
  public Subscription followPlacement(Placement current, Sink<Placement> sink, Runnable heartbeat) {
    PlacementFollower follower = new PlacementFollower(sink, heartbeat);
    byPlacement.computeIfAbsent(current.id(), id -> new CopyOnWriteArraySet<>()).add(follower);
    executor.execute(() -> deliver(current.id(), follower, current));
    return () -> remove(byPlacement, current.id(), follower);
  }

  /** Follows a shelter: its current state is sent at once, then every change of it or its placements. */
  public Subscription followShelter(String shelterId, Sink<ShelterView> shelterSink, Sink<Placement> placementSink,
      Runnable heartbeat) {
    ShelterFollower follower = new ShelterFollower(shelterSink, placementSink, heartbeat);
    byShelter.computeIfAbsent(shelterId, id -> new CopyOnWriteArraySet<>()).add(follower);
    executor.execute(() -> refreshShelter(shelterId));
    return () -> remove(byShelter, shelterId, follower);
  }

  @Override
  public void stored(Placement placement) {
    boolean followed = byPlacement.containsKey(placement.id())
        || (placement.shelterId() != null && byShelter.containsKey(placement.shelterId()));
    if (followed) {
      executor.execute(() -> placementChanged(placement));
    }
  }

  /** The shelter's status or capacity changed. */
  public void shelterChanged(String shelterId) {
    if (byShelter.containsKey(shelterId)) {
      executor.execute(() -> refreshShelter(shelterId));
    }
  }

  /** Re-reads what is followed (changes made by other instances) and sends heartbeats when due. */
  public void poll() {
    executor.execute(() -> {
      for (String placementId : byPlacement.keySet()) {
        placements.findById(placementId).ifPresent(this::placementChanged);
      }
      for (String shelterId : byShelter.keySet()) {
        refreshShelter(shelterId);
      }
      Instant now = clock.instant();
      if (Duration.between(lastHeartbeat, now).compareTo(properties.liveHeartbeat()) >= 0) {
        lastHeartbeat = now;
        byPlacement.forEach((id, followers) -> followers.forEach(f -> beat(byPlacement, id, f, f.heartbeat)));
        byShelter.forEach((id, followers) -> followers.forEach(f -> beat(byShelter, id, f, f.heartbeat)));
      }
    });
  }

  private void placementChanged(Placement placement) {
    for (PlacementFollower follower : byPlacement.getOrDefault(placement.id(), Set.of())) {
      deliver(placement.id(), follower, placement);
    }
    String shelterId = placement.shelterId();
    if (shelterId != null && byShelter.containsKey(shelterId)) {
      for (ShelterFollower follower : byShelter.get(shelterId)) {
        PlacementStatus previous = follower.lastStatus.put(placement.id(), placement.status());
        if (previous != placement.status()) {
          send(byShelter, shelterId, follower, follower.placementSink, placement);
        }
      }
      refreshShelter(shelterId);
    }
  }

  private void deliver(String placementId, PlacementFollower follower, Placement placement) {
    if (placement.version() > follower.lastVersion) {
      follower.lastVersion = placement.version();
      send(byPlacement, placementId, follower, follower.sink, placement);
    }
  }

  private void refreshShelter(String shelterId) {
    Set<ShelterFollower> followers = byShelter.get(shelterId);
    if (followers == null || followers.isEmpty()) {
      return;
    }
    ShelterView view;
    try {
      view = administration.getObject().current(shelterId);
    } catch (RuntimeException e) {
      return;
    }
    for (ShelterFollower follower : followers) {
      if (!Objects.equals(follower.last, view)) {
        follower.last = view;
        send(byShelter, shelterId, follower, follower.shelterSink, view);
      }
    }
  }

  private <F, T> void send(Map<String, Set<F>> registry, String key, F follower, Sink<T> sink, T value) {
    try {
      sink.send(value);
    } catch (Exception e) {
      log.debug("Live follower of {} dropped: {}", key, e.getClass().getSimpleName());
      remove(registry, key, follower);
    }
  }

  private <F> void beat(Map<String, Set<F>> registry, String key, F follower, Runnable heartbeat) {
    try {
      heartbeat.run();
    } catch (RuntimeException e) {
      remove(registry, key, follower);
    }
  }

  private static <F> void remove(Map<String, Set<F>> registry, String key, F follower) {
    registry.computeIfPresent(key, (k, followers) -> {
      followers.remove(follower);
      return followers.isEmpty() ? null : followers;
    });
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
