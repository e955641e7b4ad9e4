package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safebed.benchmarks.Measurement.Target;
import org.safebed.benchmarks.Measurement.Verdict;

class MeasurementTest {

  private static Measurement measured(Target target, double value) {
    return new Measurement("m", target, value, "ms", ProcFs.Load.UNKNOWN, "");
  }

  @Test
  void targetsAreBoundsInTheirDirection() {
    assertThat(measured(Target.atMost(15_000), 15_000).verdict()).isEqualTo(Verdict.PASS);
    assertThat(measured(Target.atMost(15_000), 15_001).verdict()).isEqualTo(Verdict.MISS);
    assertThat(measured(Target.below(800), 800).verdict()).isEqualTo(Verdict.MISS);
    assertThat(measured(Target.atLeast(1000), 999.9).verdict()).isEqualTo(Verdict.MISS);
    assertThat(measured(Target.atLeast(1000), 1000).verdict()).isEqualTo(Verdict.PASS);
    assertThat(measured(Target.exactly(0), 1).verdict()).isEqualTo(Verdict.MISS);
    assertThat(measured(Target.exactly(0), 0).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void whatCouldNotBeMeasuredMissesEveryTarget() {
    assertThat(measured(Target.atMost(100), Double.NaN).verdict()).isEqualTo(Verdict.MISS);
    assertThat(measured(Target.atLeast(0), Double.NaN).verdict()).isEqualTo(Verdict.MISS);
  }

  @Test
  void numbersWithoutATargetAreOnlyInformation() {
    assertThat(measured(Target.NONE, 42).verdict()).isEqualTo(Verdict.INFO);
  }

  @Test
  void valuesAreShownWithoutNeedlessDigits() {
    assertThat(Measurement.format(15_000)).isEqualTo("15000");
    assertThat(Measurement.format(1234.567)).isEqualTo("1235");
    assertThat(Measurement.format(12.345)).isEqualTo("12.3");
    assertThat(Measurement.format(Double.NaN)).isEqualTo("n/a");
  }
}
