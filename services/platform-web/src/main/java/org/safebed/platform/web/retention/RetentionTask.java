package org.safebed.platform.web.retention;

import java.time.Instant;
import java.util.List;

/**
 * One kind of data the retention sweep removes once it is old enough: personal fields of closed
 * records ({@link ClosedRecords}), or whole messages (dead letters).
 */
public interface RetentionTask {

  /** What the task handles, as the audit log names it, e.g. {@code placement}. */
  String recordType();

  /** The audit action for each record it handled, e.g. {@code PERSONAL_DATA_ANONYMISED}. */
  String action();

  /**
   * Removes the personal data of up to {@code limit} records that were closed before
   * {@code cutoff} and still hold it.
   *
   * @return the ids of the records it changed; fewer than {@code limit} when nothing more is due
   */
  List<String> removeClosedBefore(Instant cutoff, int limit);
}
