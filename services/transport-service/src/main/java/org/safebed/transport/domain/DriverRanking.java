package org.safebed.transport.domain;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses among the few drivers an indexed query returned: only those who may take the job, the
 * nearest to the pick-up first (ties broken by id, so the choice is repeatable).
 */
public final class DriverRanking {

  private DriverRanking() {}

  public static List<Driver> forJob(TransportJob job, List<Driver> candidates) {
    GeoPoint pickup = job.pickupArea();
    return candidates.stream()
        .filter(driver -> driver.mayTake(job))
        .sorted(
            Comparator.comparingDouble((Driver driver) -> driver.base().kilometresTo(pickup))
                .thenComparing(Driver::id))
        .toList();
  }
}
