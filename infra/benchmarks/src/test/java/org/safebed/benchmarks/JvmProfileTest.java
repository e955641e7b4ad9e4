package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which JVM options each pass runs with, and under which names its figures go. */
class JvmProfileTest {

  private static final List<String> LOCAL = List.of("-Xmx512m", "-XX:+UseSerialGC");

  @Test
  void byDefaultProductionOptionsComeFirstUnderTheUsualKeysThenTheLocalStacksUnderAPrefix() {
    List<JvmProfile> profiles = JvmProfile.from(Map.of(), LOCAL);

    assertThat(profiles).extracting(JvmProfile::name).containsExactly("production", "local");
    assertThat(profiles.getFirst().prefix()).isEmpty();
    assertThat(profiles.getFirst().arguments()).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    assertThat(profiles.get(1).prefix()).isEqualTo("local-jvm.");
    assertThat(profiles.get(1).arguments()).isEqualTo(LOCAL);
  }

  @Test
  void oneProfileMayBeChosenAndItsOptionsGiven() {
    List<JvmProfile> profiles = JvmProfile.from(
        Map.of("benchmark.jvm-profiles", "production", "benchmark.production-jvm-args", "-Xmx1g  -XX:+UseZGC"), LOCAL);

    assertThat(profiles).singleElement().satisfies(profile ->
        assertThat(profile.arguments()).containsExactly("-Xmx1g", "-XX:+UseZGC"));
  }

  @Test
  void anUnknownProfileIsRefused() {
    assertThatThrownBy(() -> JvmProfile.from(Map.of("benchmark.jvm-profiles", "fast"), LOCAL))
        .hasMessageContaining("fast");
  }
}
