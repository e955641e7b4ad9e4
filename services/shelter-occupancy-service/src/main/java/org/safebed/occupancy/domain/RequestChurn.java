package org.safebed.occupancy.domain;

import java.time.Instant;

/**
 * How many placements each police account cancelled soon after requesting them, per fixed window.
 * Request and cancel, again and again with a slightly different geometry, is how a caller would
 * probe where shelters are; an officer on a real case rarely cancels at all.
 */
public interface RequestChurn {

  /** Counts one such cancellation in the window starting at {@code windowStart}; answers the window's count. */
  int recordCancellation(String requester, Instant windowStart);

  int cancellationsIn(String requester, Instant windowStart);
}
