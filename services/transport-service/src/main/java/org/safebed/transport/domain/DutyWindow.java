package org.safebed.transport.domain;

import java.time.Instant;
import java.util.Objects;

/** A period a driver is on duty for, {@code from} inclusive, {@code to} exclusive. */
public record DutyWindow(Instant from, Instant to) {

  /** More windows than a coordinator plans ahead; keeps a driver document small. */
  public static final int MAX_PER_DRIVER = 50;

  public DutyWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("a duty window must start before it ends");
    }
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(to);
  }
}
