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
 * The whole benchmark in miniature (a few placements, two seconds of load, a couple of Gatling
 * users a second for two seconds): proves it starts the stack, measures every line and writes its
 * results. It checks no target; the numbers of so short a run mean nothing.
 */
class BenchmarkSmokeIT {

  @Test
  void measuresEveryLineAndWritesTheResults() throws Exception {
    Path output = Path.of("target", "benchmark-smoke");
    BenchmarkSettings settings = BenchmarkSettings.from(Map.ofEntries(
        Map.entry("benchmark.placements", "3"),
        Map.entry("benchmark.warmup-placements", "1"),
        Map.entry("benchmark.threads", "2"),
        Map.entry("benchmark.seconds", "2"),
        Map.entry("benchmark.warmup-seconds", "1"),
        Map.entry("benchmark.throughput-beds", "150"),
        Map.entry("benchmark.open-model-rate", "3"),
        Map.entry("benchmark.open-model-seconds", "2"),
        Map.entry("benchmark.capacity-update-rate", "1"),
        Map.entry("benchmark.driver-flow-rate", "1"),
        Map.entry("benchmark.load-test-drivers", "2"),
        Map.entry("benchmark.saturation-rates", "2"),
        Map.entry("benchmark.saturation-step-seconds", "2"),
        // Evenly spaced, so that the miniature open model has its six users and one waitlisted.
        Map.entry("benchmark.poisson-arrivals", "false"),
        Map.entry("benchmark.output-dir", output.toString())), Map.of());
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    deleteRecursively(output.resolve("gatling")); // reports of earlier runs

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
        "floor.direct.reads-per-second", "floor.gateway.reads-per-second",
        "open-model.request-to-held.p99", "open-model.hold-to-transport-assigned.p99",
        "saturation.holds-per-second-p99-under-100ms");
    assertThat(byName.get("startup.start-to-healthy").value()).as("every app became healthy").isPositive();
    assertThat(byName.get("memory.rss-after-start").value()).isPositive();
    assertThat(byName.get("placement.not-held").value()).isZero();
    assertThat(byName.get("placement.request-to-hold.p50").value()).isPositive();
    assertThat(byName.get("transport.hold-to-assigned-visible.p50").value()).as("transport was assigned").isPositive();
    assertThat(byName.get("throughput.direct.holds-per-second").value()).isPositive();
    assertThat(byName.get("throughput.gateway.holds-per-second").value()).isPositive();
    assertThat(byName.get("throughput.direct.held-beds-minus-holds").verdict()).isEqualTo(Measurement.Verdict.PASS);
    assertThat(byName.get("throughput.gateway.held-beds-minus-holds").verdict()).isEqualTo(Measurement.Verdict.PASS);
    // The Gatling runs happened: placements answered 201 and 202 as the mix expects, Gatling's report written.
    assertThat(byName.get("open-model.request-to-held.p99").value()).as("Gatling timed held placements").isPositive();
    assertThat(byName.get("open-model.request-to-held.p50").note()).contains("expecting a bed");
    assertThat(byName.get("open-model.waitlisted.p99").note()).startsWith("1 waitlisted as expected (202)");
    assertThat(byName.get("open-model.hold-to-transport-assigned.p50").value()).as("holds were assigned").isNotNaN();
    assertThat(Files.list(output.resolve("gatling")).filter(run -> Files.exists(run.resolve("index.html"))).count())
        .as("an HTML report per Gatling run").isEqualTo(2);
    assertThat(byName.get("saturation.holds-per-second-p99-under-100ms").note()).startsWith("2/s: p99 ");
    String json = Files.readString(output.resolve("benchmark-results.json"));
    assertThat(json).contains("\"throughput.gateway.holds-per-second\"", "\"open-model.request-to-held.p99\"",
        "\"saturation.holds-per-second-p99-under-100ms\"");
  }

  @Test
  void timesMatchingBeforeAndAfterAHistoryOfClosedPlacements() throws Exception {
    Path output = Path.of("target", "benchmark-smoke-matching");
    BenchmarkSettings settings = BenchmarkSettings.from(Map.of("benchmark.output-dir", output.toString()), Map.of());
    MatchingScaleSettings scale = MatchingScaleSettings.from(Map.of(
        "benchmark.matching-shelters", "60",
        "benchmark.matching-beds-per-shelter", "4",
        "benchmark.matching-history", "3000",
        "benchmark.matching-placements", "4",
        "benchmark.matching-warmup-placements", "2",
        "benchmark.matching-heap", "1g"));

    Report report = new MatchingAtScale(settings, scale, System.out).run();
    report.printTable(System.out);

    Map<String, Measurement> byName = report.measurements().stream()
        .collect(Collectors.toMap(Measurement::name, Function.identity()));
    assertThat(byName.get("matching.request-to-held.p99").value()).as("placements were held").isPositive();
    assertThat(byName.get("matching.request-to-held.p50").note()).startsWith("4 sequential").doesNotContain("other");
    assertThat(byName.get("matching.after-history.request-to-held.p99").value()).isPositive();
    assertThat(byName.get("matching.after-history.request-to-held.p50").note()).startsWith("4 sequential");
    assertThat(byName.get("matching.placements-stored").value()).as("the history was stored").isGreaterThanOrEqualTo(3000);
    assertThat(byName).containsKey("matching.after-history.documents-scanned-per-request");
  }

  private static void deleteRecursively(Path folder) throws java.io.IOException {
    if (Files.exists(folder)) {
      try (var paths = Files.walk(folder)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
