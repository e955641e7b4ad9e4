package org.safebed.transport.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses among the few drivers an indexed query returned: only those who may take the job (the
 * escort rules are never bent), those who speak one of her languages first, then the nearest to
 * the pick-up (ties broken by id, so the choice is repeatable). A shared language only orders the
 * list: she is never left without a driver for want of one.
 */
public final class DriverRanking {

  private DriverRanking() {}

  /** As {@link #forJob(TransportJob, List)}, leaving out drivers outside their duty windows at {@code now}. */
  public static List<Driver> forJob(TransportJob job, List<Driver> candidates, Instant now) {
    return forJob(job, candidates.stream().filter(driver -> driver.onDutyAt(now)).toList());
  }

  public static List<Driver> forJob(TransportJob job, List<Driver> candidates) {
    GeoPoint pickup = job.pickupArea();
    EscortNeeds escort = job.escort();
    return candidates.stream()
        .filter(driver -> driver.mayTake(job))
        .sorted(
            Comparator.comparing((Driver driver) -> !escort.sharesALanguageWith(driver))
                .thenComparingDouble(driver -> driver.base().kilometresTo(pickup))
                .thenComparing(Driver::id))
        .toList();
  }
}
