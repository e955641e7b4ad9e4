package org.safebed.benchmarks;

import static org.safebed.benchmarks.Measurement.Target.NONE;
import static org.safebed.benchmarks.Measurement.Target.atLeast;
import static org.safebed.benchmarks.Measurement.Target.atMost;
import static org.safebed.benchmarks.Measurement.Target.below;
import static org.safebed.benchmarks.Measurement.Target.exactly;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safebed.benchmarks.Measurement.Target;

/**
 * Measures SafeBed's targets on the local stack and prints them: start-up time and resident
 * memory, police request to bed held, bed held to transport assigned, and hold throughput directly
 * against shelter occupancy and through the gateway (closed loops of its own); then, with Gatling,
 * the same under an open model (fixed arrival rates, a realistic mix) and a saturation run; then
 * matching over a national number of shelters and a long history ({@link MatchingAtScale}). Run
 * with {@code -Pbenchmark} (README).
 */
public final class Benchmarks {

  static final long READY_WITHIN_MILLIS = 15_000;
  static final double RESIDENT_MIB_BELOW = 800;
  static final double REQUEST_TO_HOLD_MILLIS_BELOW = 100; // "tens of milliseconds"
  static final double HOLD_TO_ASSIGNED_MILLIS_AT_MOST = 1_000;
  static final Duration FLOOR_WINDOW = Duration.ofSeconds(5);
  static final double OPEN_MODEL_REQUEST_TO_HELD_P99_AT_MOST = 50;
  static final double SATURATION_P99_BELOW = 100;
  /** How long after an open-model run its holds may still get transport assigned. */
  static final Duration ASSIGNED_WITHIN = Duration.ofSeconds(10);
  /** Rounds of at most 200 drivers registered for jobs still waiting for one, before a Gatling run. */
  static final int ABSORB_ROUNDS = 50;
  /** A Gatling run starts once the stack uses less than this (cores over a second), or after a minute. */
  static final double QUIET_CORES = 0.3;
  static final Duration QUIET_WITHIN = Duration.ofSeconds(60);

  private final BenchmarkSettings settings;
  private final PrintStream out;
  private final Report report = new Report();

  Benchmarks(BenchmarkSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  /**
   * Runs the whole benchmark once per JVM profile (production options first: the targets are
   * judged on those) and reports every figure of each, the local stack's options' under {@code
   * local-jvm.}.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> properties = BenchmarkSettings.systemProperties();
    BenchmarkSettings settings = BenchmarkSettings.from(properties, System.getenv());
    Report report = new Report();
    MatchingScaleSettings matching = MatchingScaleSettings.from(properties);
    List<String> runs = List.of(properties.getOrDefault("benchmark.runs", "stack,matching").split(","));
    for (JvmProfile profile : JvmProfile.from(properties, settings.stackJvmArguments())) {
      System.out.println("[benchmark] JVM profile " + profile.name() + ": " + String.join(" ", profile.arguments()));
      BenchmarkSettings pass = settings.forProfile(profile);
      if (runs.contains("stack")) {
        report.include(new Benchmarks(pass, System.out).run(), profile.prefix(), "jvm." + profile.name());
      }
      if (runs.contains("matching")) {
        report.include(new MatchingAtScale(pass, matching, System.out).run(), profile.prefix(),
            "jvm." + profile.name() + ".matching-at-scale");
      }
    }
    report.printTable(System.out);
    Path json = settings.outputDir().resolve("benchmark-results.json");
    report.writeJson(json);
    System.out.println("Written to " + json.toAbsolutePath());
  }

  Report run() throws Exception {
    String namespace = settings.brokerUri() == null ? "" : "bench-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    report.context("settings", settingsForReport(namespace));
    report.context("loadAtStart", ProcFs.load().toString());
    report.context("measuredArtifacts", safeBedArtifacts());
    progress("starting the local stack (broker: " + (settings.brokerUri() == null ? "embedded" : redacted(settings.brokerUri()))
        + ", MongoDB: " + (settings.mongoUri() == null ? "embedded" : redacted(settings.mongoUri())) + ")");
    try (StackProcess stack = StackProcess.launch(settings.stackJvmArgumentsWithRecording(), settings.brokerUri(),
        settings.mongoUri(), stackProperties(namespace), settings.outputDir())) {
      measureStartUp(stack);
      SafeBedClient client = new SafeBedClient(stack.tokenUrl());
      client.authenticate(Seeding.COORDINATOR);
      PoliceAccounts police = new PoliceAccounts(settings.loadTestPoliceAccounts());
      Seeding seeding = new Seeding(client, stack.occupancyUrl(), stack.transportUrl());
      seedForJourney(seeding);
      PlacementJourney.Result journey;
      try (EventWatch events = EventWatch.open(stack.brokerUri(), namespace)) {
        journey = measureJourney(new PlacementJourney(client, stack.gatewayUrl(), events, police));
      }
      HoldThroughput throughput = new HoldThroughput(client, stack, police);
      // Before the holds, so that their events still being processed do not weigh on it.
      measureFloor(throughput, client, journey.held(), "floor.direct", stack.occupancyUrl());
      measureFloor(throughput, client, journey.held(), "floor.gateway", stack.gatewayUrl());
      // One request at a time took the mean latency; the threads cannot do better than in parallel.
      double expected = settings.threads() * 1000 / journey.requestToHold().mean();
      HoldThroughput.Result direct = measureThroughput("throughput.direct", throughput, seeding, stack,
          stack.occupancyUrl(), expected);
      HoldThroughput.Result gateway = measureThroughput("throughput.gateway", throughput, seeding, stack,
          stack.gatewayUrl(), direct.holdsPerSecond());
      report.add(info("throughput.gateway-share", 100 * (1 - gateway.holdsPerSecond() / direct.holdsPerSecond()), "%",
          "rate lost by going through the gateway"));
      // Saturation first: an open model above what the stack holds leaves a backlog of events
      // (transport's inbox) that the saturation's first, gentle steps would otherwise pay for.
      measureSaturation(stack, seeding, police);
      measureOpenModel(stack, seeding, police, namespace);
      measureMemory("memory.rss-after-load", stack.residentMiB(), "VmRSS of the stack JVM after all runs");
      measureMemory("memory.rss-peak", stack.peakResidentMiB(), "VmHWM: the most it was ever resident");
      progress("stopping the local stack");
    }
    return report;
  }

  private void measureStartUp(StackProcess stack) {
    boolean allUp = stack.health().values().stream().allMatch("UP"::equals);
    report.add(new Measurement("startup.start-to-healthy", atMost(READY_WITHIN_MILLIS),
        allUp ? stack.healthyMillis() : Double.NaN, "ms", ProcFs.load(),
        allUp ? "LocalStack.start() until every app's /actuator/health is UP" : "not all UP: " + stack.health()));
    report.add(info("startup.start-returned", stack.startMillis(), "ms", "LocalStack.start() returned"));
    report.add(info("startup.launch-to-healthy", stack.launchToReadyMillis(), "ms",
        "new JVM until all UP (includes JVM start and class loading)"));
    report.add(info("startup.cpu", stack.cpuSecondsToReady(), "cpu-s",
        "CPU time the stack used to start; / " + ProcFs.cores() + " cores = "
            + Measurement.format(stack.cpuSecondsToReady() / ProcFs.cores()) + " s at best on an idle machine"));
    measureMemory("memory.rss-after-start", stack.residentMiB(), "VmRSS of the stack JVM once all UP");
  }

  /** Drivers for every journey placement (the demo's three are busy after one job each) and beds. */
  private void seedForJourney(Seeding seeding) throws Exception {
    int journeyPlacements = settings.warmUpPlacements() + settings.placements();
    long started = System.nanoTime();
    progress("seeding " + (journeyPlacements + 10) + " drivers and beds for " + journeyPlacements + " placements");
    int drivers = seeding.registerDrivers(journeyPlacements + 10);
    seeding.ensureAvailable(journeyPlacements + Seeding.BEDS_PER_SHELTER);
    double seconds = (System.nanoTime() - started) / 1e9;
    report.context("journeySeeding", Map.of("drivers", drivers, "shelters", seeding.shelters(), "seconds", seconds));
  }

  private PlacementJourney.Result measureJourney(PlacementJourney journey) throws InterruptedException {
    progress(settings.warmUpPlacements() + " + " + settings.placements()
        + " sequential placements through the gateway, each until transport is assigned");
    PlacementJourney.Result result = journey.run(settings.warmUpPlacements(), settings.placements());
    String failures = result.failures() == 0 ? "" : "; " + result.failures() + " not held, first: " + result.firstFailure();
    Latencies hold = result.requestToHold();
    String holdNote = hold.count() + " sequential POST /api/placements through the gateway" + failures;
    Target tens = below(REQUEST_TO_HOLD_MILLIS_BELOW);
    report.add(new Measurement("placement.request-to-hold.p50", tens, hold.p50(), "ms", ProcFs.load(), holdNote));
    report.add(new Measurement("placement.request-to-hold.p90", tens, hold.p90(), "ms", ProcFs.load(), ""));
    report.add(new Measurement("placement.request-to-hold.p99", tens, hold.p99(), "ms", ProcFs.load(), ""));
    report.add(info("placement.request-to-hold.max", hold.max(), "ms", ""));
    report.add(info("placement.first-request", result.firstRequestMillis(), "ms", "first request after start (cold)"));
    report.add(new Measurement("placement.not-held", exactly(0), result.failures(), "requests", ProcFs.load(),
        result.firstFailure()));

    Latencies bedHeld = result.holdToBedHeldEvent();
    report.add(info("transport.hold-to-bed-held-event.p50", bedHeld.p50(), "ms",
        "201 until placement.bed-held.v1 is routed by the broker (outbox relay)"));
    report.add(info("transport.hold-to-bed-held-event.p99", bedHeld.p99(), "ms", ""));
    Latencies event = result.holdToAssignedEvent();
    Target second = atMost(HOLD_TO_ASSIGNED_MILLIS_AT_MOST);
    report.add(new Measurement("transport.hold-to-assigned-event.p50", second, event.p50(), "ms", ProcFs.load(),
        event.count() + " x 201 until transport.assigned.v1 is routed by the broker"));
    report.add(new Measurement("transport.hold-to-assigned-event.p99", second, event.p99(), "ms", ProcFs.load(), ""));
    Latencies visible = result.holdToAssignedVisible();
    String neverNote = result.neverAssigned() == 0 ? ""
        : "; " + result.neverAssigned() + " never ASSIGNED within " + PlacementJourney.ASSIGNED_WITHIN_MILLIS + " ms";
    report.add(new Measurement("transport.hold-to-assigned-visible.p50", second,
        result.neverAssigned() == 0 ? visible.p50() : Double.NaN, "ms", ProcFs.load(),
        "201 until GET /api/placements/{id} shows ASSIGNED (polled every " + PlacementJourney.POLL_MILLIS + " ms)"
            + neverNote));
    report.add(new Measurement("transport.hold-to-assigned-visible.p99", second,
        result.neverAssigned() == 0 ? visible.p99() : Double.NaN, "ms", ProcFs.load(), ""));
    return result;
  }

  /** One throughput run, after seeding beds for the rate it is expected to reach. */
  private HoldThroughput.Result measureThroughput(String name, HoldThroughput throughput, Seeding seeding,
      StackProcess stack, String baseUrl, double expectedRate) throws Exception {
    long beds = settings.bedsPerThroughputRun(expectedRate);
    progress(name + ": seeding until " + beds + " beds are free");
    int added = seeding.ensureAvailable(beds);
    long free = seeding.availableBeds();
    progress(name + ": " + settings.threads() + " threads, " + settings.warmUp().toSeconds() + " s warm-up + "
        + settings.measured().toSeconds() + " s measured against " + baseUrl);
    long heldBefore = seeding.heldBeds();
    stack.resetMongoCounts();
    HoldThroughput.Result result = throughput.run(baseUrl, settings.threads(), settings.warmUp(), settings.measured(),
        free + 2L * settings.threads());
    ProcFs.Load load = ProcFs.load();
    List<String> fullScans = stack.fullScans(settings.outputDir().resolve("benchmark-full-scans-" + name + ".tsv"));
    List<String> commands = stack.mongoCommands(settings.outputDir().resolve("benchmark-mongo-commands-" + name + ".tsv"));
    long heldAfter = seeding.heldBeds();

    String note = result.answered(201) + " holds in " + Measurement.format(result.windowSeconds()) + " s; "
        + free + " beds were free in " + seeding.shelters() + " bench shelters (+" + added + ")";
    if (result.bedsRanOut()) {
      note += "; beds ran out, window cut short";
    }
    if (result.failed() > 0) {
      note += "; " + result.failed() + " failed (" + result.failuresByStatus() + "), first: " + result.firstFailure();
    }
    report.add(new Measurement(name + ".holds-per-second", atLeast(settings.targetHoldsPerSecond()),
        result.holdsPerSecond(), "holds/s", load, note));
    report.add(info(name + ".latency.p50", result.latency().p50(), "ms", "under load"));
    report.add(info(name + ".latency.p99", result.latency().p99(), "ms", ""));
    report.add(info(name + ".stack-cpu", result.stackCores(), "cores",
        "benchmark JVM used " + Measurement.format(result.benchmarkCores()) + " cores meanwhile"));
    report.add(info(name + ".cpu-per-hold", 1000 * result.stackCores() / result.holdsPerSecond(), "cpu-ms",
        "stack CPU per hold (" + cpuSplit(result) + "); the target allows "
            + Measurement.format(1000.0 * ProcFs.cores() / settings.targetHoldsPerSecond()) + " on "
            + ProcFs.cores() + " cores, less the benchmark's share"));
    reportFullScans(name, fullScans, result.holdsIncludingWarmUp());
    reportMongoCommands(name, commands, result.holdsIncludingWarmUp());
    report.add(new Measurement(name + ".held-beds-minus-holds", exactly(0),
        (heldAfter - heldBefore) - result.holdsIncludingWarmUp(), "beds", load,
        "beds HELD afterwards (+" + (heldAfter - heldBefore) + ") vs 201 answers (" + result.holdsIncludingWarmUp()
            + "); 0 = no bed held twice, none lost"));
    return result;
  }

  /**
   * The embedded MongoDB's whole-collection reads during the run (warm-up included), per hold:
   * what makes a hold dearer as data grows. The worst are printed and kept in the results.
   */
  private void reportFullScans(String name, List<String> rows, long holds) {
    long scans = rows.stream().mapToLong(row -> Long.parseLong(row.split("\t", 2)[0])).sum();
    long documents = rows.stream().mapToLong(row -> Long.parseLong(row.split("\t", 3)[1])).sum();
    report.add(info(name + ".full-scans-per-hold", holds == 0 ? 0 : (double) scans / holds, "scans",
        Measurement.format(holds == 0 ? 0 : (double) documents / holds) + " documents read by them per hold"
            + " (embedded MongoDB; background sweeps included)"));
    List<String> worst = rows.subList(0, Math.min(12, rows.size()));
    worst.forEach(row -> progress(name + " full scan (times, documents, collection, shape): " + row));
    report.context(name + ".full-scans", worst);
  }

  /** The embedded MongoDB's commands during the run (warm-up included), per hold: its round trips. */
  private void reportMongoCommands(String name, List<String> rows, long holds) {
    long commands = rows.stream().mapToLong(row -> Long.parseLong(row.split("\t", 2)[0])).sum();
    report.add(info(name + ".mongo-commands-per-hold", holds == 0 ? 0 : (double) commands / holds, "commands",
        "round trips to the embedded MongoDB per hold, its cascade and background work included"));
    List<String> most = rows.subList(0, Math.min(15, rows.size()));
    most.forEach(row -> progress(name + " mongo commands (times, command, collection): " + row));
    report.context(name + ".mongo-commands", most);
  }

  /**
   * The cheapest authenticated call, {@code GET /api/placements/{id}} (token check, one read by id,
   * JSON), in the same loop: what any request costs at least, and so what is left for a hold. The
   * reads go round the journey's placements, each read by the account that requested it, so that
   * no account comes near the gateway's rate limit per user.
   */
  private void measureFloor(HoldThroughput throughput, SafeBedClient client, java.util.List<PlacementJourney.Held> held,
      String name, String baseUrl) throws InterruptedException {
    if (held.isEmpty()) {
      return;
    }
    progress(name + ": GET /api/placements/{id} in the same loop against " + baseUrl);
    java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    HoldThroughput.Result result = throughput.run(() -> {
      PlacementJourney.Held placement = held.get((int) (reads.getAndIncrement() % held.size()));
      return client.get(baseUrl, placement.account(), "/api/placements/" + placement.placementId());
    }, 200, settings.threads(), Duration.ofSeconds(3), FLOOR_WINDOW);
    String failed = result.failed() == 0 ? ""
        : "; " + result.failed() + " failed (" + result.failuresByStatus() + "), first: " + result.firstFailure();
    report.add(info(name + ".reads-per-second", result.holdsPerSecond(), "reads/s",
        "GET /api/placements/{id} of " + held.size() + " placements, " + settings.threads() + " threads" + failed));
    report.add(info(name + ".cpu-per-read", 1000 * result.stackCores() / result.holdsPerSecond(), "cpu-ms",
        "stack CPU per read (" + cpuSplit(result) + "): the least any request costs"));
  }

  /** How the stack's CPU per success splits into application, GC and JIT compilation. */
  private static String cpuSplit(HoldThroughput.Result result) {
    return "app " + Measurement.format(result.cpuMillisPer("app")) + ", GC " + Measurement.format(result.cpuMillisPer("gc"))
        + ", JIT " + Measurement.format(result.cpuMillisPer("jit"));
  }

  /**
   * The open model (Gatling): placements at a fixed arrival rate with the realistic mix
   * ({@link PlacementMix}), capacity updates and drivers' flows alongside; request to held from
   * Gatling's own figures, held to transport assigned from the 201 to the broker routing
   * {@code transport.assigned.v1} ({@link EventWatch}).
   */
  private void measureOpenModel(StackProcess stack, Seeding seeding, PoliceAccounts police, String namespace)
      throws Exception {
    if (settings.openModelRate() <= 0) {
      return;
    }
    long placements = settings.openModelPlacements();
    long holds = placements - placements / PlacementMix.Kind.values().length;
    progress("open model: seeding beds and drivers for " + holds + " holds");
    seeding.ensureAvailable(holds + holds / 4 + 50);
    // Drivers of earlier runs' jobs stay busy; new ones must first take the jobs still waiting for one.
    int absorbed = seeding.absorbUnassignedJobs(ABSORB_ROUNDS);
    int drivers = seeding.registerDrivers((int) (holds + holds / 5 + 20));
    int loadDrivers = seeding.registerLoadTestDrivers(settings.loadTestDrivers());
    report.context("openModelSeeding", Map.of("driversForWaitingJobs", absorbed, "drivers", drivers,
        "loadTestDrivers", loadDrivers, "freeBeds", seeding.availableBeds()));
    SimulationSettings simulation = new SimulationSettings(stack.gatewayUrl(), stack.tokenUrl(),
        police.reserve(placements + placements / 10 + 10), settings.openModelRate(),
        (int) settings.openModel().toSeconds(), settings.capacityUpdateRate(), settings.driverFlowRate(),
        settings.loadTestDrivers(), "om" + Long.toString(System.currentTimeMillis() % 1_000_000, 36),
        settings.poissonArrivals());
    progress("open model: " + settings.openModelRate() + " placements/s for " + settings.openModel().toSeconds()
        + " s, " + settings.capacityUpdateRate() + " capacity updates/s, " + settings.driverFlowRate()
        + " driver flows/s (Gatling, through the gateway)");
    awaitQuiet(stack);
    HeldPlacements.drain();
    GatlingStats stats;
    Latencies toAssigned;
    int neverAssigned = 0;
    try (EventWatch events = EventWatch.open(stack.brokerUri(), namespace)) {
      stats = GatlingRun.run(OpenModelSimulation.class, settings.outputDir().resolve("gatling"),
          "SafeBed open model, " + settings.openModelRate() + " placements/s", simulation.asProperties());
      Map<String, Long> heldAt = HeldPlacements.drain();
      long deadline = System.nanoTime() + ASSIGNED_WITHIN.toNanos();
      double[] millis = new double[heldAt.size()];
      int assigned = 0;
      for (var held : heldAt.entrySet()) {
        long wait = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
        java.util.OptionalLong at = events.awaitAssigned(held.getKey(), wait);
        if (at.isPresent()) {
          millis[assigned++] = Math.max(0, at.getAsLong() - held.getValue()) / 1e6;
        } else {
          neverAssigned++;
        }
      }
      toAssigned = Latencies.of(java.util.Arrays.copyOf(millis, assigned));
    }
    report.context("gatlingOpenModelReport", stats.report().resolve("index.html").toAbsolutePath().toString());
    ProcFs.Load load = ProcFs.load();

    GatlingStats.Figures held = stats.of(PlacementMix.BED_EXPECTED);
    GatlingStats.Figures waitlisted = stats.of(PlacementMix.WAITLISTED);
    String failed = held.ko() == 0 ? "" : "; " + held.ko() + " not held";
    report.add(info("open-model.request-to-held.p50", held.p50(), "ms",
        held.count() + " placements expecting a bed, of " + (held.count() + waitlisted.count()) + " arriving at "
            + settings.openModelRate() + "/s for " + settings.openModel().toSeconds() + " s (Gatling, through the gateway)"
            + failed));
    report.add(new Measurement("open-model.request-to-held.p99", atMost(OPEN_MODEL_REQUEST_TO_HELD_P99_AT_MOST),
        held.p99(), "ms", load, "Gatling's p99 over every such request, answered or not"));
    report.add(info("open-model.waitlisted.p99", waitlisted.p99(), "ms",
        waitlisted.ok() + " waitlisted as expected (202) of " + waitlisted.count()));
    report.add(info("open-model.placements-per-second", held.requestsPerSecond() + waitlisted.requestsPerSecond(),
        "req/s", "placements sent per second over the run, as Gatling counts them"));
    report.add(new Measurement("open-model.errors", exactly(0), stats.all().ko(), "requests", load,
        stats.all().count() + " requests in all" + (stats.errors().isEmpty() ? "" : "; " + String.join("; ", stats.errors()))
            + (stats.exitCode() == 0 ? "" : "; Gatling exited " + stats.exitCode())));
    String never = neverAssigned == 0 ? "" : "; " + neverAssigned + " not assigned within " + ASSIGNED_WITHIN.toSeconds() + " s of the end";
    report.add(info("open-model.hold-to-transport-assigned.p50", toAssigned.p50(), "ms",
        toAssigned.count() + " x 201 until transport.assigned.v1 is routed by the broker" + never));
    report.add(new Measurement("open-model.hold-to-transport-assigned.p99", atMost(HOLD_TO_ASSIGNED_MILLIS_AT_MOST),
        neverAssigned == 0 ? toAssigned.p99() : Double.NaN, "ms", load, never.isEmpty() ? "" : never.substring(2)));
    GatlingStats.Figures capacity = stats.of("group:" + CapacityUpdates.GROUP);
    report.add(info("open-model.capacity-update.p99", capacity.p99(), "ms",
        capacity.count() + " capacity updates (list, confirm, beds, out of service and back), " + capacity.ko() + " failed"));
    GatlingStats.Figures driving = stats.of("group:" + DriverFlows.GROUP);
    report.add(info("open-model.driver-flow.p99", driving.p99(), "ms",
        driving.count() + " driver flows (record, job, accept, pick-up point, destination, picked up, delivered), "
            + driving.ko() + " failed, " + stats.of("driver: delivered").ok() + " deliveries"));
  }

  /**
   * The saturation run (Gatling): placements at each rate of {@code benchmark.saturation-rates} in
   * turn, each for a step, until one is not held with p99 under 100 ms and no error; the highest
   * rate held is the result.
   */
  private void measureSaturation(StackProcess stack, Seeding seeding, PoliceAccounts police) throws Exception {
    if (settings.saturationRates().isEmpty()) {
      return;
    }
    double best = 0;
    java.util.List<String> steps = new java.util.ArrayList<>();
    java.util.List<String> reports = new java.util.ArrayList<>();
    int seconds = (int) settings.saturationStep().toSeconds();
    for (int rate : settings.saturationRates()) {
      long placements = (long) rate * seconds;
      progress("saturation: seeding for " + rate + " holds/s");
      seeding.ensureAvailable(placements + placements / 4 + 50);
      seeding.absorbUnassignedJobs(ABSORB_ROUNDS);
      seeding.registerDrivers((int) (placements + placements / 10 + 10));
      SimulationSettings simulation = new SimulationSettings(stack.gatewayUrl(), stack.tokenUrl(),
          police.reserve(placements + placements / 10 + 10), rate, seconds, 0, 0, 0,
          "s" + rate + "x" + Long.toString(System.currentTimeMillis() % 1_000_000, 36), settings.poissonArrivals());
      awaitQuiet(stack);
      progress("saturation: " + rate + " placements/s for " + seconds + " s (Gatling, through the gateway)");
      GatlingStats stats = GatlingRun.run(SaturationSimulation.class, settings.outputDir().resolve("gatling"),
          "SafeBed saturation step, " + rate + " placements/s", simulation.asProperties());
      reports.add(stats.report().resolve("index.html").toAbsolutePath().toString());
      HeldPlacements.drain();
      GatlingStats.Figures held = stats.of(PlacementMix.BED_EXPECTED);
      boolean kept = stats.exitCode() == 0 && held.count() > 0 && stats.all().ko() == 0
          && held.p99() < SATURATION_P99_BELOW;
      steps.add(rate + "/s: p99 " + Measurement.format(held.p99()) + " ms, " + stats.all().ko() + " errors"
          + (kept ? "" : " (not held)"));
      if (!kept) {
        break;
      }
      best = rate;
    }
    report.context("gatlingSaturationReports", reports);
    report.add(new Measurement("saturation.holds-per-second-p99-under-100ms", atLeast(settings.targetHoldsPerSecond()),
        best, "holds/s", ProcFs.load(), String.join("; ", steps)));
  }

  /**
   * Waits until the stack is nearly idle (or a minute has passed), so that a Gatling run does not
   * start in the wake of the previous one: an open model above the stack's capacity leaves requests
   * queued after its clients gave up on them.
   */
  private void awaitQuiet(StackProcess stack) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + QUIET_WITHIN.toNanos();
    double before = stack.cpuSeconds();
    double cores = Double.NaN;
    while (System.nanoTime() < deadline) {
      Thread.sleep(1000);
      double now = stack.cpuSeconds();
      cores = now - before;
      before = now;
      if (cores < QUIET_CORES) {
        break;
      }
    }
    progress("the stack is at " + Measurement.format(cores) + " cores after waiting "
        + (System.nanoTime() - started) / 1_000_000_000 + " s for it to settle");
  }

  private void measureMemory(String name, double mib, String note) {
    report.add(new Measurement(name, below(RESIDENT_MIB_BELOW), mib < 0 ? Double.NaN : mib, "MiB", ProcFs.load(), note));
  }

  /**
   * Load-test accounts, so that the stack is measured with its normal limits rather than
   * throttled: police requests are spread over enough police accounts that none exceeds its cap on
   * open placements or the gateway's rate limit per user ({@link PoliceAccounts}), and the drivers'
   * flows have accounts of their own. Nothing else is changed.
   */
  private Map<String, String> stackProperties(String namespace) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("safebed.identity.load-test-police.count", String.valueOf(settings.loadTestPoliceAccounts()));
    properties.put("safebed.identity.load-test-drivers.count", String.valueOf(settings.loadTestDrivers()));
    if (!namespace.isEmpty()) {
      // A shared RabbitMQ: queues of this run only, gone afterwards.
      properties.put("safebed.messaging.namespace", namespace);
      properties.put("safebed.messaging.delete-queues-on-shutdown", "true");
    }
    return properties;
  }

  private Map<String, Object> settingsForReport(String namespace) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("placements", settings.placements());
    shown.put("warmUpPlacements", settings.warmUpPlacements());
    shown.put("threads", settings.threads());
    shown.put("measuredSeconds", settings.measured().toSeconds());
    shown.put("warmUpSeconds", settings.warmUp().toSeconds());
    shown.put("targetHoldsPerSecond", settings.targetHoldsPerSecond());
    shown.put("broker", settings.brokerUri() == null ? "embedded" : redacted(settings.brokerUri()));
    shown.put("namespace", namespace);
    shown.put("mongodb", settings.mongoUri() == null ? "embedded (wire-protocol server, in memory)" : redacted(settings.mongoUri()));
    shown.put("stackJvmArguments", String.join(" ", settings.stackJvmArguments()));
    shown.put("flightRecording", settings.flightRecording());
    shown.put("loadTestPoliceAccounts", settings.loadTestPoliceAccounts());
    shown.put("loadTestDrivers", settings.loadTestDrivers());
    shown.put("openModelRate", settings.openModelRate());
    shown.put("openModelSeconds", settings.openModel().toSeconds());
    shown.put("capacityUpdateRate", settings.capacityUpdateRate());
    shown.put("driverFlowRate", settings.driverFlowRate());
    shown.put("saturationRates", settings.saturationRates());
    shown.put("saturationStepSeconds", settings.saturationStep().toSeconds());
    shown.put("poissonArrivals", settings.poissonArrivals());
    return shown;
  }

  /** Which build of each SafeBed part was measured: the class path entries and when they were built. */
  private static Map<String, String> safeBedArtifacts() {
    Map<String, String> artifacts = new java.util.TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.contains("safebed") || entry.contains("/infra/") || entry.contains("/services/")) {
        try {
          artifacts.put(entry,
              java.nio.file.Files.getLastModifiedTime(path).toInstant().toString());
        } catch (java.io.IOException e) {
          artifacts.put(entry, "missing");
        }
      }
    }
    return artifacts;
  }

  private static Measurement info(String name, double value, String unit, String note) {
    return new Measurement(name, NONE, value, unit, ProcFs.load(), note);
  }

  /** The broker URI without its password. */
  static String redacted(String uri) {
    return uri.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
  }

  private void progress(String step) {
    out.println("[benchmark] " + java.time.LocalTime.now().withNano(0) + " " + step + "  (load " + ProcFs.load() + ")");
  }
}
