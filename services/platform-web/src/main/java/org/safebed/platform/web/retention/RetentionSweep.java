package org.safebed.platform.web.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safebed.platform.web.audit.AuditEntry;
import org.safebed.platform.web.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes the personal data of cases closed longer ago than the retention period, on a schedule
 * and on an operator's request ({@code POST /actuator/retention}). Every record it changes gets an
 * audit entry (what record, why, by the system); the log line and the result carry counts only.
 */
public final class RetentionSweep {

  private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
  static final String ACTOR = "retention-sweep";
  static final String PURPOSE = "RETENTION_PERIOD_ENDED";
  private static final int BATCH = 500;

  private final List<RetentionTask> tasks;
  private final AuditTrail audit;
  private final RetentionProperties properties;
  private final Clock clock;
  private volatile Result lastRun;

  public RetentionSweep(List<RetentionTask> tasks, AuditTrail audit, RetentionProperties properties, Clock clock) {
    this.tasks = List.copyOf(tasks);
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @param cutoff records closed before this lost their personal data
   * @param removed by record type, how many records this sweep changed
   */
  public record Result(Instant startedAt, Instant cutoff, Map<String, Integer> removed) {}

  @Scheduled(
      initialDelayString = "${safebed.retention.initial-delay:PT5M}",
      fixedDelayString = "${safebed.retention.sweep-interval:PT6H}")
  void scheduled() {
    if (!properties.enabled()) {
      return;
    }
    try {
      sweep();
    } catch (RuntimeException e) {
      // The next run finishes what this one could not: every step is conditional and repeatable.
      log.warn("Retention sweep failed, retried at the next run: {}", e.getClass().getSimpleName());
    }
  }

  /** Runs every task until nothing more is due. */
  public synchronized Result sweep() {
    Instant startedAt = clock.instant();
    Instant cutoff = startedAt.minus(properties.closedCasePeriod());
    Map<String, Integer> removed = new LinkedHashMap<>();
    for (RetentionTask task : tasks) {
      int count = 0;
      List<String> ids;
      do {
        ids = task.removeClosedBefore(cutoff, BATCH);
        audit.recordAll(entries(task, ids));
        count += ids.size();
      } while (ids.size() >= BATCH);
      removed.merge(task.recordType(), count, Integer::sum);
    }
    Result result = new Result(startedAt, cutoff, Map.copyOf(removed));
    lastRun = result;
    if (removed.values().stream().anyMatch(n -> n > 0)) {
      log.info("Retention sweep: personal data removed from {} (closed before {})", removed, cutoff);
    }
    return result;
  }

  private static List<AuditEntry> entries(RetentionTask task, List<String> ids) {
    List<AuditEntry> entries = new ArrayList<>(ids.size());
    for (String id : ids) {
      entries.add(new AuditEntry(ACTOR, "SYSTEM", null, task.action(), task.recordType(), id, PURPOSE, "DONE"));
    }
    return entries;
  }

  /** The period, the schedule and what the last sweep of this instance did (null before the first). */
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("enabled", properties.enabled());
    status.put("closedCasePeriod", readable(properties.closedCasePeriod()));
    status.put("sweepInterval", properties.sweepInterval().toString());
    status.put("recordTypes", tasks.stream().map(RetentionTask::recordType).distinct().toList());
    status.put("lastRun", lastRun);
    return status;
  }

  /** ISO-8601 as configured: {@code P90D}, not the {@code PT2160H} of {@link java.time.Duration#toString}. */
  private static String readable(java.time.Duration period) {
    return period.toSeconds() % 86_400 == 0 ? "P" + period.toDays() + "D" : period.toString();
  }
}
