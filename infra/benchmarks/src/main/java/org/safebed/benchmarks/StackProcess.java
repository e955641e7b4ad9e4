package org.safebed.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack running in a child JVM ({@link StackMain}) on this JVM's class path, less the
 * load generator's own libraries (Gatling and what it brings, e.g. Netty's native transports,
 * which would change how the stack's Netty servers run): {@value #STACK_CLASS_PATH} when the build
 * sets it. Its output goes straight to a log file, so the benchmark spends no CPU on it.
 */
final class StackProcess implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(180);
  /** The stack's class path, set by the pom: this module's classes and its runtime dependencies. */
  static final String STACK_CLASS_PATH = "benchmark.stack-classpath";

  private final Process process;
  private final JsonNode ready;
  private final long launchToReadyMillis;
  private final double cpuSecondsToReady;

  private StackProcess(Process process, JsonNode ready, long launchToReadyMillis, double cpuSecondsToReady) {
    this.process = process;
    this.ready = ready;
    this.launchToReadyMillis = launchToReadyMillis;
    this.cpuSecondsToReady = cpuSecondsToReady;
  }

  /**
   * Launches the stack and returns once every application is healthy.
   *
   * @param jvmArguments options of the stack's JVM (heap, GC, ...)
   * @param brokerUri the AMQP broker to use, or {@code null} for the embedded one
   * @param mongoUri the MongoDB to use, or {@code null} for the embedded one
   * @param properties properties for every application of the stack
   * @param outputDir where the log file and the ready file go
   */
  static StackProcess launch(List<String> jvmArguments, String brokerUri, String mongoUri,
      Map<String, String> properties, Path outputDir) throws IOException, InterruptedException {
    try {
      return launchOnce(jvmArguments, brokerUri, mongoUri, properties, outputDir);
    } catch (PortTaken e) {
      // The stack picks free ports before binding them; on a busy machine another process may
      // take one in between. A second start picks new ones.
      return launchOnce(jvmArguments, brokerUri, mongoUri, properties, outputDir);
    }
  }

  /** The stack could not bind a port it had found free. */
  private static final class PortTaken extends IllegalStateException {
    PortTaken(String message) {
      super(message);
    }
  }

  private static StackProcess launchOnce(List<String> jvmArguments, String brokerUri, String mongoUri,
      Map<String, String> properties, Path outputDir) throws IOException, InterruptedException {
    Files.createDirectories(outputDir);
    Path readyFile = outputDir.resolve("benchmark-stack.ready.json");
    Files.deleteIfExists(readyFile);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArguments);
    command.add("-cp");
    String classPath = System.getProperty(STACK_CLASS_PATH, "");
    command.add(classPath.isBlank() ? System.getProperty("java.class.path") : classPath);
    command.add(StackMain.class.getName());
    command.add(readyFile.toString());
    if (brokerUri != null) {
      command.add("--broker=" + brokerUri);
    }
    if (mongoUri != null) {
      command.add("--mongo=" + mongoUri);
    }
    properties.forEach((name, value) -> command.add("--property=" + name + "=" + value));

    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(outputDir.resolve("benchmark-stack.log").toFile())
        .start();
    long deadline = launched + READY_WITHIN.toNanos();
    while (!Files.exists(readyFile)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor();
        Path log = outputDir.resolve("benchmark-stack.log");
        String message = "the local stack did not start (exit " + process.exitValue() + "); see " + log;
        if (Files.readString(log).contains("PortInUseException")) {
          throw new PortTaken(message);
        }
        throw new IllegalStateException(message);
      }
      Thread.sleep(10);
    }
    long launchToReady = (System.nanoTime() - launched) / 1_000_000;
    double cpuToReady = ProcFs.cpuSeconds(process.pid());
    JsonNode ready = JsonMapper.builder().build().readTree(Files.readString(readyFile));
    return new StackProcess(process, ready, launchToReady, cpuToReady);
  }

  long pid() {
    return process.pid();
  }

  /** From {@code LocalStack.start} being called to its return. */
  long startMillis() {
    return ready.get("startMillis").asLong();
  }

  /** From {@code LocalStack.start} being called to every application answering UP. */
  long healthyMillis() {
    return ready.get("healthyMillis").asLong();
  }

  /** From launching the JVM to every application answering UP, as a person starting it waits. */
  long launchToReadyMillis() {
    return launchToReadyMillis;
  }

  /**
   * CPU seconds the stack's JVM used from launch until all were UP: the work of starting, which
   * the machine's load does not change (two free cores need at least half of it in wall time).
   */
  double cpuSecondsToReady() {
    return cpuSecondsToReady;
  }

  /** Each application's last health answer: "UP" unless it never became healthy. */
  Map<String, String> health() {
    Map<String, String> health = new java.util.LinkedHashMap<>();
    ready.get("health").properties().forEach(entry -> health.put(entry.getKey(), entry.getValue().asString()));
    return health;
  }

  String gatewayUrl() {
    return ready.get("gatewayUrl").asString();
  }

  String tokenUrl() {
    return ready.get("tokenUrl").asString();
  }

  String occupancyUrl() {
    return ready.get("occupancyUrl").asString();
  }

  String transportUrl() {
    return ready.get("transportUrl").asString();
  }

  String brokerUri() {
    return ready.get("brokerUri").asString();
  }

  /** The stack's MongoDB, without a database. */
  String mongoUri() {
    return ready.get("mongoUri").asString();
  }

  double residentMiB() {
    return ProcFs.residentMiB(pid());
  }

  double peakResidentMiB() {
    return ProcFs.peakResidentMiB(pid());
  }

  double cpuSeconds() {
    return ProcFs.cpuSeconds(pid());
  }

  /** Forgets what the embedded MongoDB counted so far (commands, whole-collection reads). */
  void resetMongoCounts() throws IOException {
    command("mongo-reset");
  }

  /**
   * The whole-collection reads counted since the last reset, the most documents read first: one
   * line each, tab-separated (times, documents read, collection, query shape). Empty with an
   * external MongoDB.
   */
  List<String> fullScans(Path file) throws IOException, InterruptedException {
    return linesAnswered("full-scans", file);
  }

  /**
   * The commands counted since the last reset, the most frequent first: one line each,
   * tab-separated (times, command, collection). Empty with an external MongoDB.
   */
  List<String> mongoCommands(Path file) throws IOException, InterruptedException {
    return linesAnswered("mongo-commands", file);
  }

  private List<String> linesAnswered(String command, Path file) throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    command(command + " " + file.toAbsolutePath());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  private void command(String line) throws IOException {
    var in = process.getOutputStream();
    in.write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    in.flush();
  }

  /** Closes the stack's input, which stops it in order; kills it if it does not stop in time. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
