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

  @Test
  void theGatlingRunsDefaultToAHundredPlacementsASecondAndRisingSaturationSteps() {
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of(), Map.of());

    assertThat(settings.openModelRate()).isEqualTo(100);
    assertThat(settings.openModel()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.openModelPlacements()).isEqualTo(3_000);
    assertThat(settings.saturationRates()).startsWith(5, 10).isSorted();
    assertThat(settings.saturationStep()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void thereArePoliceAccountsForEveryPlacementAnyRunCouldSendAtThreeEach() {
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of(
        "benchmark.placements", "20", "benchmark.warmup-placements", "1", "benchmark.threads", "2",
        "benchmark.seconds", "2", "benchmark.warmup-seconds", "1", "benchmark.throughput-beds", "150",
        "benchmark.open-model-rate", "10", "benchmark.open-model-seconds", "3",
        "benchmark.saturation-rates", "5, 10", "benchmark.saturation-step-seconds", "2"), Map.of());

    // 21 journey + 2 x (150 beds + 4 in flight) + 30 open model + 100 + (10 + 100) + (20 + 100) placements
    long placements = 21 + 2 * 154 + 30 + 100 + 110 + 120;
    assertThat(settings.saturationRates()).containsExactly(5, 10);
    assertThat(settings.loadTestPoliceAccounts()).isEqualTo((int) ((placements + 2) / 3) + 10);
  }
}
