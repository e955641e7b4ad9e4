package org.safebed.benchmarks;

import static org.safebed.benchmarks.Measurement.Target.NONE;
import static org.safebed.benchmarks.Measurement.Target.atMost;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.safebed.localstack.apps.StackApps;

/**
 * Matching at a national scale: thousands of shelters spread over France and Belgium (10,000 with
 * 100,000 beds by default), police requests from anywhere in that area one after another, straight
 * to shelter occupancy, timed from request to the bed held; then a history of closed placements (a
 * million by default) is stored beside them and the same is timed again. The target: p99 at most
 * 20 ms both times, so that matching costs the same however many shelters and however much history
 * there is.
 *
 * <p>A stack of its own, started with the pass's JVM options but a heap large enough for the
 * history (the embedded MongoDB keeps its data in the stack's heap: this run says nothing about
 * memory). The history is copies of placements made and closed through the API
 * ({@link PlacementHistory}). During the second timing the embedded MongoDB counts every query it
 * answered by reading a whole collection: any on the hold path would read the million.
 */
final class MatchingAtScale {

  static final double P99_AT_MOST = 20;
  private static final long SHELTER_SEED = 42;
  private static final long PICKUP_SEED = 7;
  /** How long the closed placements' events may take to be published before their copies are made. */
  private static final long SETTLE_MILLIS = 30_000;

  private final BenchmarkSettings settings;
  private final MatchingScaleSettings scale;
  private final PrintStream out;
  private final Report report = new Report();
  private final Random pickups = new Random(PICKUP_SEED);

  MatchingAtScale(BenchmarkSettings settings, MatchingScaleSettings scale, PrintStream out) {
    this.settings = settings;
    this.scale = scale;
    this.out = out;
  }

  Report run() throws Exception {
    if (!scale.enabled()) {
      return report;
    }
    report.context("settings", scale);
    Path folder = settings.outputDir().resolve("matching-at-scale");
    progress("matching at scale: starting a stack with -Xmx" + scale.heap());
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("safebed.identity.load-test-police.count", String.valueOf(scale.policeAccounts()));
    List<String> jvmArguments = new ArrayList<>(scale.jvmArguments(settings.stackJvmArguments()));
    if (settings.flightRecording()) {
      // Deep stacks: Spring's request handling alone is more than JFR's default 64 frames.
      jvmArguments.add("-XX:FlightRecorderOptions:stackdepth=512");
      jvmArguments.add("-XX:StartFlightRecording=filename=" + folder.resolve("matching-stack.jfr").toAbsolutePath()
          + ",settings=profile,dumponexit=true");
    }
    try (StackProcess stack = StackProcess.launch(jvmArguments, settings.brokerUri(), settings.mongoUri(), properties,
        folder)) {
      SafeBedClient client = new SafeBedClient(stack.tokenUrl());
      client.authenticate(Seeding.COORDINATOR);
      PoliceAccounts police = new PoliceAccounts(scale.policeAccounts());
      seed(new Seeding(client, stack.occupancyUrl(), stack.transportUrl()));
      time("matching", stack, client, police, folder);
      storeHistory(stack, client, police);
      time("matching.after-history", stack, client, police, folder);
      report.add(info("matching.rss-with-history", stack.residentMiB(), "MiB",
          "VmRSS of this run's stack: the embedded MongoDB holds the history in its heap"));
    }
    return report;
  }

  private void seed(Seeding seeding) throws Exception {
    progress("matching at scale: registering " + scale.shelters() + " shelters of " + scale.bedsPerShelter()
        + " beds over France and Belgium");
    long started = System.nanoTime();
    int beds = seeding.registerSpreadShelters("Spread", scale.shelters(), scale.bedsPerShelter(), SHELTER_SEED);
    double seconds = (System.nanoTime() - started) / 1e9;
    report.context("seeding", Map.of("shelters", scale.shelters(), "beds", beds, "seconds", seconds));
    progress("matching at scale: " + beds + " beds registered in " + Measurement.format(seconds) + " s");
  }

  /** Warm-up, then the timed placements one after another, from random places of the area. */
  private void time(String name, StackProcess stack, SafeBedClient client, PoliceAccounts police, Path folder)
      throws Exception {
    client.authenticateAll(police.upcoming(scale.warmUpPlacements() + scale.placements()));
    progress(name + ": " + scale.warmUpPlacements() + " + " + scale.placements() + " sequential placements");
    for (int i = 0; i < scale.warmUpPlacements(); i++) {
      place(stack, client, police.next());
    }
    stack.resetMongoCounts();
    Map<String, Double> cpuBefore = ProcFs.cpuSecondsByKind(stack.pid());
    double[] held = new double[scale.placements()];
    int count = 0;
    Map<Integer, Integer> otherAnswers = new LinkedHashMap<>();
    for (int i = 0; i < scale.placements(); i++) {
      SafeBedClient.Reply reply = place(stack, client, police.next());
      if (reply.status() == 201) {
        held[count++] = reply.millis();
      } else {
        otherAnswers.merge(reply.status(), 1, Integer::sum);
      }
    }
    Map<String, Double> cpuAfter = ProcFs.cpuSecondsByKind(stack.pid());
    Map<String, Double> cpuMillis = new LinkedHashMap<>();
    for (String kind : List.of("app", "gc", "jit")) {
      cpuMillis.put(kind, 1000 * (cpuAfter.getOrDefault(kind, Double.NaN) - cpuBefore.getOrDefault(kind, Double.NaN))
          / scale.placements());
    }
    List<String> scans = stack.fullScans(folder.resolve("benchmark-full-scans-" + name + ".tsv"));
    List<String> commands = stack.mongoCommands(folder.resolve("benchmark-mongo-commands-" + name + ".tsv"));
    Latencies latencies = Latencies.of(java.util.Arrays.copyOf(held, count));
    String note = count + " sequential POST /api/placements straight to shelter occupancy (201), pick-up points"
        + " anywhere in the area" + (otherAnswers.isEmpty() ? "" : "; other answers by status: " + otherAnswers);
    report.add(info(name + ".request-to-held.p50", latencies.p50(), "ms", note));
    report.add(new Measurement(name + ".request-to-held.p99", atMost(P99_AT_MOST), latencies.p99(), "ms",
        ProcFs.load(), ""));
    report.add(info(name + ".request-to-held.max", latencies.max(), "ms", ""));
    report.add(info(name + ".cpu-per-request", cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum(),
        "cpu-ms", "the stack's CPU over the timed placements, per placement (app " + Measurement.format(cpuMillis.get("app"))
            + ", GC " + Measurement.format(cpuMillis.get("gc")) + ", JIT " + Measurement.format(cpuMillis.get("jit"))
            + "): the hold's cascade and background work included"));
    reportFullScans(name, scans);
    long roundTrips = commands.stream().mapToLong(row -> Long.parseLong(row.split("\t", 2)[0])).sum();
    report.add(info(name + ".mongo-commands-per-request", (double) roundTrips / scale.placements(), "commands",
        "round trips to the embedded MongoDB per placement, its cascade and background work included"));
    report.context(name + ".mongo-commands", commands.subList(0, Math.min(15, commands.size())));
  }

  /** Whole-collection reads while the placements were timed: a growing collection read whole would show here. */
  private void reportFullScans(String name, List<String> rows) {
    long documents = rows.stream().mapToLong(row -> Long.parseLong(row.split("\t", 3)[1])).sum();
    long scans = rows.stream().mapToLong(row -> Long.parseLong(row.split("\t", 2)[0])).sum();
    report.add(info(name + ".documents-scanned-per-request", (double) documents / scale.placements(), "documents",
        scans + " whole-collection reads in all (embedded MongoDB; background sweeps included)"));
    List<String> worst = rows.subList(0, Math.min(10, rows.size()));
    worst.forEach(row -> progress(name + " full scan (times, documents, collection, shape): " + row));
    report.context(name + ".full-scans", worst);
  }

  /**
   * Placements made and cancelled through the API, then copied straight into the store until it
   * holds the history asked for.
   */
  private void storeHistory(StackProcess stack, SafeBedClient client, PoliceAccounts police) throws Exception {
    progress("matching at scale: storing " + scale.history() + " closed placements");
    long started = System.nanoTime();
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < MatchingScaleSettings.CLOSED_THROUGH_THE_API; i++) {
      String account = police.next();
      SafeBedClient.Reply placed = place(stack, client, account);
      if (placed.status() != 201 && placed.status() != 202) {
        throw new IllegalStateException("placement for the history: HTTP " + placed.status() + " " + placed.body());
      }
      String id = placed.json().path("id").asString();
      SafeBedClient.Reply cancelled = client.post(stack.occupancyUrl(), account, "/api/placements/" + id + "/cancel", null);
      if (cancelled.status() != 200) {
        throw new IllegalStateException("cancelling for the history: HTTP " + cancelled.status() + " " + cancelled.body());
      }
      closed.add(id);
    }
    long copies;
    try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
      PlacementHistory history = new PlacementHistory(
          mongo.getDatabase(StackApps.SHELTER_OCCUPANCY.mongoDatabase()).getCollection("placements"));
      copies = history.growTo(scale.history(), history.originals(closed, SETTLE_MILLIS));
      report.add(info("matching.placements-stored", history.stored(), "placements",
          copies + " copies of " + closed.size() + " placements made and cancelled through the API, beside the"
              + " timed ones"));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    report.context("history", Map.of("closedThroughTheApi", closed.size(), "copies", copies, "seconds", seconds));
    progress("matching at scale: " + copies + " copies stored in " + Measurement.format(seconds) + " s");
  }

  /** A placement request from a random place of the area (the same places in every run). */
  private SafeBedClient.Reply place(StackProcess stack, SafeBedClient client, String account) {
    double lat = Seeding.SPREAD_SOUTH + pickups.nextDouble() * (Seeding.SPREAD_NORTH - Seeding.SPREAD_SOUTH);
    double lon = Seeding.SPREAD_WEST + pickups.nextDouble() * (Seeding.SPREAD_EAST - Seeding.SPREAD_WEST);
    return PoliceRequests.requestAt(client, stack.occupancyUrl(), account, lat, lon);
  }

  private static Measurement info(String name, double value, String unit, String note) {
    return new Measurement(name, NONE, value, unit, ProcFs.load(), note);
  }

  private void progress(String step) {
    out.println("[benchmark] " + java.time.LocalTime.now().withNano(0) + " " + step + "  (load " + ProcFs.load() + ")");
  }
}
