package org.safebed.console.housing;

import java.time.Duration;

/** How long, in the largest units that say it: "2 d 3 h", "5 h 10 min", "12 min". */
final class InStep {

  private InStep() {}

  static Reason of(long seconds) {
    Duration d = Duration.ofSeconds(Math.max(0, seconds));
    if (d.toDays() > 0) {
      return Reason.of("housing.duration.days", d.toDays(), d.toHoursPart());
    }
    if (d.toHours() > 0) {
      return Reason.of("housing.duration.hours", d.toHours(), d.toMinutesPart());
    }
    return Reason.of("housing.duration.minutes", d.toMinutes());
  }
}
