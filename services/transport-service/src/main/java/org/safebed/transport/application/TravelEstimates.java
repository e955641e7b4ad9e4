package org.safebed.transport.application;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.TravelTime;
import org.springframework.stereotype.Service;

/**
 * Travel times from one point to several, for other services ranking candidates (occupancy ranks
 * shelters by it). The legs are asked in parallel so the answer takes one routing call's time, and
 * each falls back to a straight-line estimate on its own.
 */
@Service
public class TravelEstimates {

  private final TravelTimes travelTimes;

  public TravelEstimates(TravelTimes travelTimes) {
    this.travelTimes = travelTimes;
  }

  public List<TravelTime> from(GeoPoint from, List<GeoPoint> destinations) {
    try (ExecutorService legs = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<TravelTime>> answers =
          destinations.stream().map(to -> legs.submit(() -> travelTimes.between(from, to))).toList();
      return answers.stream().map(TravelEstimates::resultOf).toList();
    }
  }

  private static TravelTime resultOf(Future<TravelTime> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while estimating travel times");
    } catch (ExecutionException e) {
      throw new IllegalStateException("travel time estimate failed", e.getCause());
    }
  }
}
