package org.safebed.benchmarks;

import java.util.Locale;

/**
 * One number the benchmark measured, the target it is held against (if any), and the machine's
 * load when it was measured.
 *
 * @param name what was measured, e.g. {@code placement.request-to-hold.p99}
 * @param target the target, or {@link Target#NONE} for a number that is only informative
 * @param value the measured value; NaN when it could not be measured (a MISS against any target)
 * @param unit e.g. {@code ms}, {@code MiB}, {@code holds/s}
 * @param load the load average when it was measured
 * @param note how it was measured or why it missed, in a few words; may be empty
 */
record Measurement(String name, Target target, double value, String unit, ProcFs.Load load, String note) {

  enum Verdict { PASS, MISS, INFO }

  /** A bound on a value: at most, below, or at least a limit. */
  record Target(String comparison, double limit) {
    static final Target NONE = new Target("", Double.NaN);

    static Target atMost(double limit) {
      return new Target("<=", limit);
    }

    static Target below(double limit) {
      return new Target("<", limit);
    }

    static Target atLeast(double limit) {
      return new Target(">=", limit);
    }

    static Target above(double limit) {
      return new Target(">", limit);
    }

    static Target exactly(double value) {
      return new Target("==", value);
    }

    boolean isSet() {
      return !comparison.isEmpty();
    }

    boolean isMetBy(double value) {
      if (Double.isNaN(value)) {
        return false;
      }
      return switch (comparison) {
        case "<=" -> value <= limit;
        case "<" -> value < limit;
        case ">=" -> value >= limit;
        case ">" -> value > limit;
        case "==" -> value == limit;
        default -> true;
      };
    }

    @Override
    public String toString() {
      return isSet() ? comparison + " " + Measurement.format(limit) : "-";
    }
  }

  Verdict verdict() {
    if (!target.isSet()) {
      return Verdict.INFO;
    }
    return target.isMetBy(value) ? Verdict.PASS : Verdict.MISS;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e12) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.1f", value);
  }
}
