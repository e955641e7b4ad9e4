package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

  @Test
  void defaultsUseTheEmbeddedStoresAndTheLocalStacksJvmOptions() {
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of(), Map.of());

    assertThat(settings.brokerUri()).isNull();
    assertThat(settings.mongoUri()).isNull();
    assertThat(settings.placements()).isEqualTo(200);
    assertThat(settings.threads()).isEqualTo(16);
    assertThat(settings.measured()).isEqualTo(Duration.ofSeconds(12));
    assertThat(settings.stackJvmArguments()).contains("-Xmx512m", "-XX:+UseSerialGC");
    assertThat(settings.stackJvmArgumentsWithRecording()).noneMatch(a -> a.contains("FlightRecording"));
  }

  @Test
  void theRealRabbitMqComesFromTheEnvironment() {
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of(),
        Map.of("SAFEBED_RABBITMQ_URI", "amqp://guest:guest@127.0.0.1:5672"));

    assertThat(settings.brokerUri()).isEqualTo("amqp://guest:guest@127.0.0.1:5672");
  }

  @Test
  void bedsForAThroughputRunFollowTheExpectedRateCappedAtTheTarget() {
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of(
        "benchmark.seconds", "10", "benchmark.warmup-seconds", "2", "benchmark.target-holds-per-second", "1000"), Map.of());

    // 12 s at the expected rate, half again to spare
    assertThat(settings.bedsPerThroughputRun(100)).isEqualTo(1_800);
    assertThat(settings.bedsPerThroughputRun(5_000)).isEqualTo(18_000);
    assertThat(settings.bedsPerThroughputRun(1)).isEqualTo(BenchmarkSettings.MIN_BEDS_PER_RUN);
    assertThat(settings.bedsPerThroughputRun(Double.NaN)).isEqualTo(BenchmarkSettings.MIN_BEDS_PER_RUN);
  }

  @Test
  void bedsForAThroughputRunCanBeGiven() {
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of("benchmark.throughput-beds", "300"), Map.of());

    assertThat(settings.bedsPerThroughputRun(900)).isEqualTo(300);
  }

  @Test
  void aRecordingGoesToTheOutputFolder() {
    BenchmarkSettings settings = BenchmarkSettings.from(
        Map.of("benchmark.jfr", "true", "benchmark.output-dir", "/tmp/out"), Map.of());

    assertThat(settings.stackJvmArgumentsWithRecording())
        .anyMatch(a -> a.startsWith("-XX:StartFlightRecording=filename=/tmp/out/benchmark-stack.jfr"));
  }

  @Test
  void passwordsAreNotPrinted() {
    assertThat(Benchmarks.redacted("amqp://safebed:s3cret@rabbit:5672/vhost"))
        .isEqualTo("amqp://safebed:***@rabbit:5672/vhost");
  }
}
