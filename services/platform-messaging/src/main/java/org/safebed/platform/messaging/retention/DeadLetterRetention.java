package org.safebed.platform.messaging.retention;

import java.time.Instant;
import java.util.List;
import org.safebed.platform.messaging.deadletter.DeadLetters;
import org.safebed.platform.web.retention.RetentionTask;

/**
 * Dead letters are evidence of a fault, kept for operators to replay or discard; one still there
 * when the retention period has passed since it was dead-lettered is purged with the closed cases
 * it belonged to.
 */
public final class DeadLetterRetention implements RetentionTask {

  private final DeadLetters deadLetters;

  public DeadLetterRetention(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public String recordType() {
    return "dead_letter";
  }

  @Override
  public String action() {
    return "DEAD_LETTER_PURGED";
  }

  @Override
  public List<String> removeClosedBefore(Instant cutoff, int limit) {
    return deadLetters.purgeDeadLetteredBefore(cutoff, limit);
  }
}
