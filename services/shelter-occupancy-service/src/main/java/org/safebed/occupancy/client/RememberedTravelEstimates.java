package org.safebed.occupancy.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.TravelEstimate;
import org.safebed.occupancy.domain.TravelEstimates;

/**
 * Remembers the transport service's estimates between two coarse areas for a while, so that the
 * requests of one town's police to its nearby shelters ask once, not once each: the call is a
 * second HTTP request per placement (tokens, breaker, routing). Road times between two areas
 * change slowly; an answer transport gave from its straight-line fallback (routing was down) is
 * kept for a minute only, so that road times return soon after routing does. Only coarse areas are
 * keys, and only in memory.
 */
public final class RememberedTravelEstimates implements TravelEstimates {

  /** Pairs of areas remembered at most; beyond it the memory starts again. */
  static final int MAX_REMEMBERED = 20_000;
  static final Duration FALLBACK_REMEMBERED = Duration.ofMinutes(1);

  private record Pair(GeoPoint from, GeoPoint to) {}

  private record Remembered(TravelEstimate estimate, Instant until) {}

  private final TravelEstimates transport;
  private final Duration remembered;
  private final Clock clock;
  private final Map<Pair, Remembered> byPair = new ConcurrentHashMap<>();

  public RememberedTravelEstimates(TravelEstimates transport, Duration remembered, Clock clock) {
    this.transport = transport;
    this.remembered = remembered;
    this.clock = clock;
  }

  @Override
  public Optional<List<TravelEstimate>> from(GeoPoint pickupArea, List<GeoPoint> shelterAreas) {
    Instant now = clock.instant();
    List<TravelEstimate> answer = new ArrayList<>();
    List<GeoPoint> unknown = new ArrayList<>();
    for (GeoPoint area : shelterAreas) {
      Remembered known = byPair.get(new Pair(pickupArea, area));
      boolean fresh = known != null && now.isBefore(known.until());
      answer.add(fresh ? known.estimate() : null);
      if (!fresh && !unknown.contains(area)) {
        unknown.add(area);
      }
    }
    if (unknown.isEmpty()) {
      return Optional.of(answer);
    }
    Optional<List<TravelEstimate>> asked = transport.from(pickupArea, unknown);
    if (asked.isEmpty() || asked.get().size() != unknown.size()) {
      return Optional.empty();
    }
    for (int i = 0; i < unknown.size(); i++) {
      remember(new Pair(pickupArea, unknown.get(i)), asked.get().get(i), now);
    }
    for (int i = 0; i < shelterAreas.size(); i++) {
      if (answer.get(i) == null) {
        answer.set(i, asked.get().get(unknown.indexOf(shelterAreas.get(i))));
      }
    }
    return Optional.of(answer);
  }

  @Override
  public int shortlistSize() {
    return transport.shortlistSize();
  }

  private void remember(Pair pair, TravelEstimate estimate, Instant now) {
    Duration keep = estimate.source() == TravelEstimate.Source.ROUTING ? remembered : FALLBACK_REMEMBERED;
    if (byPair.size() >= MAX_REMEMBERED) {
      byPair.clear();
    }
    byPair.put(pair, new Remembered(estimate, now.plus(keep)));
  }
}
