package org.safebed.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Many police requests at once for a fixed time, each thread sending its next request as soon as
 * the last was answered (a closed loop). Only requests completed inside the measured window count;
 * the warm-up before it lets the JIT and the connection pools settle. The first waitlisted answer
 * (202: no free bed left) ends the run, and the rate is taken over the window up to that moment,
 * so running out of seeded beds shortens the measurement rather than lowering the rate. Each
 * thread places from load-test police accounts of its own ({@link PoliceAccounts#perThread()}),
 * whose tokens are fetched before the run.
 */
final class HoldThroughput {

  /**
   * @param holdsPerSecond 201 answers per second in the measured window
   * @param holdsIncludingWarmUp every 201 of the run, to check against the beds held afterwards
   * @param statusCounts answers in the window by HTTP status (0: no answer)
   * @param windowSeconds the window measured: shorter than asked when the beds ran out
   * @param stackCores CPU cores the stack's JVM used on average in the window
   * @param benchmarkCores CPU cores this JVM (the load generator) used meanwhile
   * @param stackCoresByKind of {@code stackCores}: {@code app}, {@code gc} and {@code jit} (see
   *     {@link ProcFs#cpuSecondsByKind})
   * @param bedsRanOut whether a request was waitlisted, which ended the run early
   */
  record Result(double holdsPerSecond, long holdsIncludingWarmUp, Map<Integer, Long> statusCounts,
      Latencies latency, double windowSeconds, double stackCores, Map<String, Double> stackCoresByKind,
      double benchmarkCores, boolean bedsRanOut, String firstFailure) {

    /** Stack CPU milliseconds per success, of one kind ({@code app}, {@code gc}, {@code jit}). */
    double cpuMillisPer(String kind) {
      return 1000 * stackCoresByKind.getOrDefault(kind, Double.NaN) / holdsPerSecond;
    }


    long answered(int status) {
      return statusCounts.getOrDefault(status, 0L);
    }

    long failed() {
      return statusCounts.entrySet().stream()
          .filter(entry -> entry.getKey() >= 300 || entry.getKey() == 0)
          .mapToLong(Map.Entry::getValue).sum();
    }

    /** The failed answers by status, e.g. {@code 409 x 2, 429 x 1} (0: no answer). */
    String failuresByStatus() {
      return statusCounts.entrySet().stream()
          .filter(entry -> entry.getKey() >= 300 || entry.getKey() == 0)
          .map(entry -> entry.getKey() + " x " + entry.getValue())
          .collect(java.util.stream.Collectors.joining(", "));
    }
  }

  private final SafeBedClient client;
  private final StackProcess stack;
  private final PoliceAccounts police;

  HoldThroughput(SafeBedClient client, StackProcess stack, PoliceAccounts police) {
    this.client = client;
    this.stack = stack;
    this.police = police;
  }

  /**
   * Police requests for placements against {@code baseUrl}; a hold is a 201.
   *
   * @param placementsAtMost how many the run can place (the beds free, and one in flight per
   *     thread): the tokens of the accounts that will send them are fetched first
   */
  Result run(String baseUrl, int threads, Duration warmUp, Duration measured, long placementsAtMost)
      throws InterruptedException {
    // Each thread starts a fresh account and uses it up, so one more account per thread at most.
    client.authenticateAll(police.upcoming(placementsAtMost + (long) PoliceAccounts.PLACEMENTS_PER_ACCOUNT * threads));
    java.util.function.Supplier<String> account = police.perThread();
    return run(() -> PoliceRequests.request(client, baseUrl, account.get()), 201, threads, warmUp, measured);
  }

  /**
   * Any call in the same closed loop, e.g. the cheapest authenticated read as a floor for what one
   * request costs; {@code success} is the status counted in {@link Result#holdsPerSecond()}.
   */
  Result run(Supplier<SafeBedClient.Reply> call, int success, int threads, Duration warmUp, Duration measured)
      throws InterruptedException {
    long start = System.nanoTime();
    long windowStart = start + warmUp.toNanos();
    long windowEnd = windowStart + measured.toNanos();
    AtomicLong ranOutAt = new AtomicLong(Long.MAX_VALUE);
    List<Worker> workers = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Worker worker = new Worker(call, success, windowStart, windowEnd, ranOutAt);
      workers.add(worker);
      running.add(Thread.ofPlatform().name("benchmark-police-" + i).start(worker));
    }
    long self = ProcessHandle.current().pid();
    sleepUntil(windowStart);
    double stackCpuBefore = stack.cpuSeconds();
    Map<String, Double> byKindBefore = ProcFs.cpuSecondsByKind(stack.pid());
    double selfCpuBefore = ProcFs.cpuSeconds(self);
    sleepUntil(Math.min(windowEnd, ranOutAt.get()));
    double stackCpu = stack.cpuSeconds() - stackCpuBefore;
    Map<String, Double> byKindAfter = ProcFs.cpuSecondsByKind(stack.pid());
    double selfCpu = ProcFs.cpuSeconds(self) - selfCpuBefore;
    for (Thread thread : running) {
      thread.join();
    }

    long end = Math.min(windowEnd, ranOutAt.get());
    double seconds = Math.max(end - windowStart, 1) / 1e9;
    Map<Integer, Long> statuses = new TreeMap<>();
    long holdsInWindow = 0;
    long holdsOverall = 0;
    int latencyCount = 0;
    for (Worker worker : workers) {
      worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
      holdsInWindow += worker.holdsInWindow;
      holdsOverall += worker.holdsOverall;
      latencyCount += worker.latencyCount;
    }
    double[] latencies = new double[latencyCount];
    int offset = 0;
    String firstFailure = "";
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, latencies, offset, worker.latencyCount);
      offset += worker.latencyCount;
      if (firstFailure.isEmpty() && worker.firstFailure.get() != null) {
        firstFailure = worker.firstFailure.get();
      }
    }
    double cpuSeconds = Math.max(Math.min(seconds, measured.toNanos() / 1e9), 1e-3);
    Map<String, Double> coresByKind = new TreeMap<>();
    byKindAfter.forEach((kind, after) ->
        coresByKind.put(kind, Math.max(0, after - byKindBefore.getOrDefault(kind, 0.0)) / cpuSeconds));
    return new Result(holdsInWindow / seconds, holdsOverall, statuses, Latencies.of(latencies), seconds,
        stackCpu / cpuSeconds, coresByKind, selfCpu / cpuSeconds, ranOutAt.get() != Long.MAX_VALUE, firstFailure);
  }

  /** Sleeps until then, or until the beds ran out. */
  private static void sleepUntil(long nanos) throws InterruptedException {
    while (System.nanoTime() < nanos) {
      Thread.sleep(Math.max(1, Math.min(50, (nanos - System.nanoTime()) / 1_000_000)));
    }
  }

  /** One police client in a loop; counts only what completed inside the window. */
  private final class Worker implements Runnable {

    private final Supplier<SafeBedClient.Reply> call;
    private final int success;
    private final long windowStart;
    private final long windowEnd;
    private final AtomicLong ranOutAt;
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private double[] latencies = new double[1024];
    private int latencyCount;
    private long holdsInWindow;
    private long holdsOverall;

    Worker(Supplier<SafeBedClient.Reply> call, int success, long windowStart, long windowEnd, AtomicLong ranOutAt) {
      this.call = call;
      this.success = success;
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
      this.ranOutAt = ranOutAt;
    }

    @Override
    public void run() {
      while (System.nanoTime() < Math.min(windowEnd, ranOutAt.get())) {
        SafeBedClient.Reply reply = call.get();
        long done = System.nanoTime();
        if (reply.status() == success) {
          holdsOverall++;
        } else if (reply.status() == 202) {
          ranOutAt.accumulateAndGet(done, Math::min);
        } else {
          firstFailure.compareAndSet(null, "HTTP " + reply.status() + " " + PlacementJourney.abbreviate(reply.body()));
        }
        if (done >= windowStart && done < Math.min(windowEnd, ranOutAt.get())) {
          statuses.merge(reply.status(), 1L, Long::sum);
          if (reply.status() == success) {
            holdsInWindow++;
          }
          if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
          }
          latencies[latencyCount++] = reply.millis();
        }
      }
    }
  }
}
