package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safebed.benchmarks.Measurement.Target;
import tools.jackson.databind.JsonNode;

class ReportTest {

  private final ProcFs.Load load = new ProcFs.Load(3.5, 2.25, 1.0);

  private Report twoResults() {
    Report report = new Report();
    report.add(new Measurement("startup.start-to-healthy", Target.atMost(15_000), 16_200, "ms", load, "slow"));
    report.add(new Measurement("memory.rss-after-start", Target.below(800), 412.6, "MiB", load, ""));
    report.add(new Measurement("seeding.shelters", Target.NONE, 12, "shelters", ProcFs.Load.UNKNOWN, ""));
    return report;
  }

  @Test
  void tableShowsTargetMeasuredVerdictAndLoadPerLine() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    twoResults().printTable(new PrintStream(printed, true, StandardCharsets.UTF_8));

    String table = printed.toString(StandardCharsets.UTF_8);
    assertThat(table).containsPattern("startup\\.start-to-healthy\\s+<= 15000\\s+16200\\s+ms\\s+MISS\\s+3\\.50 2\\.25 1\\.00\\s+slow");
    assertThat(table).containsPattern("memory\\.rss-after-start\\s+< 800\\s+413\\s+MiB\\s+PASS");
    assertThat(table).containsPattern("seeding\\.shelters\\s+-\\s+12\\s+shelters\\s+INFO\\s+n/a");
    assertThat(table).contains("1 target(s) missed");
  }

  @Test
  void aProfilesRunIsTakenOverUnderItsPrefixWithItsVerdictsAndFacts() {
    Report local = twoResults();
    local.context("settings", java.util.Map.of("threads", 16));
    Report combined = new Report();

    combined.include(twoResults(), "", "jvm.production");
    combined.include(local, "local-jvm.", "jvm.local");

    assertThat(combined.measurements()).extracting(Measurement::name).containsExactly(
        "startup.start-to-healthy", "memory.rss-after-start", "seeding.shelters",
        "local-jvm.startup.start-to-healthy", "local-jvm.memory.rss-after-start", "local-jvm.seeding.shelters");
    assertThat(combined.misses()).isEqualTo(2);
  }

  @Test
  void jsonHoldsTheSameLines(@TempDir Path dir) throws Exception {
    Report report = twoResults();
    report.context("settings", java.util.Map.of("threads", 16));
    Path file = dir.resolve("out/benchmark-results.json");

    report.writeJson(file);

    JsonNode json = SafeBedClient.JSON.readTree(Files.readString(file));
    assertThat(json.get("misses").asInt()).isEqualTo(1);
    assertThat(json.get("context").get("settings").get("threads").asInt()).isEqualTo(16);
    JsonNode first = json.get("results").get(0);
    assertThat(first.get("name").asString()).isEqualTo("startup.start-to-healthy");
    assertThat(first.get("target").get("comparison").asString()).isEqualTo("<=");
    assertThat(first.get("target").get("limit").asDouble()).isEqualTo(15_000);
    assertThat(first.get("measured").asDouble()).isEqualTo(16_200);
    assertThat(first.get("result").asString()).isEqualTo("MISS");
    assertThat(first.get("loadAverage").get("1m").asDouble()).isEqualTo(3.5);
    JsonNode info = json.get("results").get(2);
    assertThat(info.get("target").isNull()).isTrue();
    assertThat(info.get("loadAverage").get("1m").isNull()).isTrue();
  }
}
