package org.safebed.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How to run the benchmark; every setting is a system property {@code benchmark.<name>} (the
 * {@code -Pbenchmark} profile passes them on); the broker also {@code SAFEBED_RABBITMQ_URI}, the
 * database {@code SAFEBED_MONGODB_URI}.
 *
 * @param placements sequential placements timed from request to hold to transport assigned
 * @param warmUpPlacements sequential placements before those, not timed
 * @param threads concurrent police clients of the throughput runs
 * @param measured the measured window of each throughput run
 * @param warmUp the unmeasured start of each throughput run
 * @param targetHoldsPerSecond the throughput target; also sizes the capacity seeded for the runs
 * @param throughputBeds beds free before each throughput run, 0 to size them from the expected rate
 * @param brokerUri a RabbitMQ to use, or {@code null} for the stack's embedded broker
 * @param mongoUri a MongoDB to use (its databases are emptied by nobody: use a throw-away one), or
 *     {@code null} for the stack's embedded wire-protocol server
 * @param stackJvmArguments options of the stack's JVM
 * @param flightRecording whether the stack records a JFR profile into the output folder
 * @param outputDir where results, the stack's log and any recording go
 * @param openModelRate placements per second of the Gatling open-model run, 0 for none
 * @param openModel how long the open-model run lasts
 * @param capacityUpdateRate shelter managers' capacity updates per second alongside it
 * @param driverFlowRate drivers' flows (take the offered job, fetch the addresses, pick up,
 *     deliver) per second alongside it
 * @param loadTestDrivers drivers of load-test accounts ({@code load-driver-1..N}) for those flows
 * @param saturationRates arrival rates of the saturation run's steps, in the order tried
 * @param saturationStep how long each saturation step lasts
 * @param poissonArrivals whether Gatling's users arrive at random (Poisson) around each rate, as
 *     emergencies do, rather than at even intervals
 */
record BenchmarkSettings(
    int placements,
    int warmUpPlacements,
    int threads,
    Duration measured,
    Duration warmUp,
    int targetHoldsPerSecond,
    int throughputBeds,
    String brokerUri,
    String mongoUri,
    List<String> stackJvmArguments,
    boolean flightRecording,
    Path outputDir,
    int openModelRate,
    Duration openModel,
    double capacityUpdateRate,
    double driverFlowRate,
    int loadTestDrivers,
    List<Integer> saturationRates,
    Duration saturationStep,
    boolean poissonArrivals) {

  static final long MIN_BEDS_PER_RUN = 500;

  static final String DEFAULT_SATURATION_RATES = "5,10,15,20,25,30,40,50,60,80,100,150,200,300,400,600,800,1000";

  static final String DEFAULT_STACK_JVM_ARGUMENTS =
      "-Xms128m -Xmx512m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=128m";

  static BenchmarkSettings from(Map<String, String> properties, Map<String, String> environment) {
    String broker = properties.getOrDefault("benchmark.rabbitmq-uri", environment.get("SAFEBED_RABBITMQ_URI"));
    String mongo = properties.getOrDefault("benchmark.mongodb-uri", environment.get("SAFEBED_MONGODB_URI"));
    return new BenchmarkSettings(
        integer(properties, "benchmark.placements", 200),
        integer(properties, "benchmark.warmup-placements", 30),
        integer(properties, "benchmark.threads", 16),
        Duration.ofSeconds(integer(properties, "benchmark.seconds", 12)),
        Duration.ofSeconds(integer(properties, "benchmark.warmup-seconds", 8)),
        integer(properties, "benchmark.target-holds-per-second", 1000),
        integer(properties, "benchmark.throughput-beds", 0),
        broker == null || broker.isBlank() ? null : broker,
        mongo == null || mongo.isBlank() ? null : mongo,
        arguments(properties.getOrDefault("benchmark.stack-jvm-args", DEFAULT_STACK_JVM_ARGUMENTS)),
        Boolean.parseBoolean(properties.getOrDefault("benchmark.jfr", "false")),
        Path.of(properties.getOrDefault("benchmark.output-dir", "target")),
        integer(properties, "benchmark.open-model-rate", 100),
        Duration.ofSeconds(integer(properties, "benchmark.open-model-seconds", 30)),
        decimal(properties, "benchmark.capacity-update-rate", 1),
        decimal(properties, "benchmark.driver-flow-rate", 2),
        integer(properties, "benchmark.load-test-drivers", 20),
        Arrays.stream(properties.getOrDefault("benchmark.saturation-rates", DEFAULT_SATURATION_RATES).split(","))
            .map(String::trim).filter(rate -> !rate.isEmpty()).map(Integer::parseInt).toList(),
        Duration.ofSeconds(integer(properties, "benchmark.saturation-step-seconds", 10)),
        Boolean.parseBoolean(properties.getOrDefault("benchmark.poisson-arrivals", "true")));
  }

  /** Placements the open-model run sends (Gatling starts this many virtual users). */
  long openModelPlacements() {
    return Math.round(openModelRate * openModel.toMillis() / 1000.0);
  }

  /**
   * Load-test police accounts the stack is given: enough for every placement any run could send
   * at three per account (the cap on open placements per requester), however fast the stack turns
   * out to be: the journey, both throughput runs with beds for the target rate, the open-model run
   * and every saturation step. They cost the stack nothing until a token is asked for.
   */
  int loadTestPoliceAccounts() {
    long sent = warmUpPlacements + placements
        + 2 * (bedsPerThroughputRun(targetHoldsPerSecond) + 2L * threads)
        + openModelPlacements() + 100
        + saturationRates.stream().mapToLong(rate -> Math.round(rate * saturationStep.toMillis() / 1000.0) + 100).sum();
    return PoliceAccounts.needed(sent) + 10;
  }

  static Map<String, String> systemProperties() {
    Map<String, String> properties = new java.util.HashMap<>();
    System.getProperties().forEach((name, value) -> properties.put(name.toString(), value.toString()));
    return properties;
  }

  /**
   * Beds that must be free before a throughput run: enough for the rate the system is expected to
   * reach (capped at the target) through warm-up and window, with half again to spare. A slow
   * system is not handed thousands of shelters it would only have to search through; one that
   * beats the estimate and runs out has its window cut short, not its rate lowered.
   */
  long bedsPerThroughputRun(double expectedHoldsPerSecond) {
    if (throughputBeds > 0) {
      return throughputBeds;
    }
    double rate = Double.isNaN(expectedHoldsPerSecond) ? 0 : Math.min(expectedHoldsPerSecond, targetHoldsPerSecond);
    double seconds = (measured.toMillis() + warmUp.toMillis()) / 1000.0;
    return Math.max(MIN_BEDS_PER_RUN, (long) Math.ceil(rate * seconds * 1.5));
  }

  /** These settings for one JVM profile: its options, and a folder of its own for its files. */
  BenchmarkSettings forProfile(JvmProfile profile) {
    return new BenchmarkSettings(placements, warmUpPlacements, threads, measured, warmUp, targetHoldsPerSecond,
        throughputBeds, brokerUri, mongoUri, profile.arguments(), flightRecording, outputDir.resolve(profile.name()),
        openModelRate, openModel, capacityUpdateRate, driverFlowRate, loadTestDrivers, saturationRates,
        saturationStep, poissonArrivals);
  }

  List<String> stackJvmArgumentsWithRecording() {
    List<String> all = new ArrayList<>(stackJvmArguments);
    if (flightRecording) {
      all.add("-XX:StartFlightRecording=filename=" + outputDir.resolve("benchmark-stack.jfr").toAbsolutePath()
          + ",settings=profile,dumponexit=true");
    }
    return all;
  }

  private static int integer(Map<String, String> properties, String name, int fallback) {
    String value = properties.get(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static double decimal(Map<String, String> properties, String name, double fallback) {
    String value = properties.get(name);
    return value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
  }

  static List<String> arguments(String line) {
    return Arrays.stream(line.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }
}
