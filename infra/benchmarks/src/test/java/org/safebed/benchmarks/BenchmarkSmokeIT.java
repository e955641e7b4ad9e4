package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark in miniature (a few placements, two seconds of load): proves it starts the
 * stack, measures every line and writes its results. It checks no target; the numbers of so short
 * a run mean nothing.
 */
class BenchmarkSmokeIT {

  @Test
  void measuresEveryLineAndWritesTheResults() throws Exception {
    Path output = Path.of("target", "benchmark-smoke");
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of(
        "benchmark.placements", "3",
        "benchmark.warmup-placements", "1",
        "benchmark.threads", "2",
        "benchmark.seconds", "2",
        "benchmark.warmup-seconds", "1",
        "benchmark.throughput-beds", "150",
        "benchmark.output-dir", output.toString()), Map.of());
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    Report report = new Benchmarks(settings, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    report.printTable(System.out);
    report.writeJson(output.resolve("benchmark-results.json"));

    Map<String, Measurement> byName = report.measurements().stream()
        .collect(Collectors.toMap(Measurement::name, Function.identity()));
    assertThat(byName).containsKeys(
        "startup.start-to-healthy", "memory.rss-after-start", "memory.rss-after-load",
        "placement.request-to-hold.p50", "placement.request-to-hold.p99",
        "transport.hold-to-assigned-event.p50", "transport.hold-to-assigned-visible.p99",
        "throughput.direct.holds-per-second", "throughput.gateway.holds-per-second",
        "floor.direct.reads-per-second", "floor.gateway.reads-per-second");
    assertThat(byName.get("startup.start-to-healthy").value()).as("every app became healthy").isPositive();
    assertThat(byName.get("memory.rss-after-start").value()).isPositive();
    assertThat(byName.get("placement.not-held").value()).isZero();
    assertThat(byName.get("placement.request-to-hold.p50").value()).isPositive();
    assertThat(byName.get("transport.hold-to-assigned-visible.p50").value()).as("transport was assigned").isPositive();
    assertThat(byName.get("throughput.direct.holds-per-second").value()).isPositive();
    assertThat(byName.get("throughput.gateway.holds-per-second").value()).isPositive();
    assertThat(byName.get("throughput.direct.held-beds-minus-holds").verdict()).isEqualTo(Measurement.Verdict.PASS);
    assertThat(byName.get("throughput.gateway.held-beds-minus-holds").verdict()).isEqualTo(Measurement.Verdict.PASS);
    assertThat(Files.readString(output.resolve("benchmark-results.json"))).contains("\"throughput.gateway.holds-per-second\"");
  }
}
