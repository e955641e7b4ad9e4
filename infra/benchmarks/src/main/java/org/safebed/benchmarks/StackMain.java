package org.safebed.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApps;
import org.safebed.platform.embedded.FullScans;
import org.safebed.platform.embedded.MongoCommands;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system under test, in a JVM of its own so that its resident memory is the stack's alone and
 * not the load generator's: starts the local stack, waits until every application reports UP,
 * writes what the benchmark needs to a ready file, and stops when its standard input closes.
 *
 * <p>Arguments: the ready file, then {@code --broker=<amqp uri>} and {@code --mongo=<mongodb uri>}
 * (optional, else the embedded ones) and any number of {@code --property=name=value} for every
 * application.
 */
public final class StackMain {

  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

  private StackMain() {}

  public static void main(String[] args) throws Exception {
    Path readyFile = Path.of(args[0]);
    LocalStack.Options options = LocalStack.Options.ephemeral();
    String broker = null;
    String mongo = null;
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--broker=")) {
        broker = args[i].substring("--broker=".length());
      } else if (args[i].startsWith("--mongo=")) {
        mongo = args[i].substring("--mongo=".length());
      } else if (args[i].startsWith("--property=")) {
        String[] property = args[i].substring("--property=".length()).split("=", 2);
        options = options.withProperty(property[0], property[1]);
      }
    }
    options = options.withExternal(mongo, broker);

    long jvmStartedAtUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    long before = System.nanoTime();
    LocalStack stack = LocalStack.start(options);
    long started = System.nanoTime();
    Map<String, String> health = awaitHealthy(stack);
    long healthy = System.nanoTime();

    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("startMillis", (started - before) / 1_000_000);
    ready.put("healthyMillis", (healthy - before) / 1_000_000);
    ready.put("jvmUptimeBeforeStartMillis", jvmStartedAtUptime);
    ready.put("health", health);
    ready.put("gatewayUrl", stack.gatewayUrl());
    ready.put("tokenUrl", stack.tokenUrl());
    ready.put("occupancyUrl", stack.serviceUrl(StackApps.SHELTER_OCCUPANCY));
    ready.put("transportUrl", stack.serviceUrl(StackApps.TRANSPORT));
    ready.put("brokerUri", stack.brokerUri());
    ready.put("mongoUri", stack.mongoUri());
    // Written whole, then moved: the benchmark never reads half a file.
    Path partial = readyFile.resolveSibling(readyFile.getFileName() + ".partial");
    Files.writeString(partial, JsonMapper.builder().build().writeValueAsString(ready));
    Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

    followCommands(System.in, stack);
    stack.close();
    System.exit(0);
  }

  /** Written whole, then moved: the benchmark never reads half a file. */
  private static void writeWhole(Path file, List<String> lines) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.write(partial, lines);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Polls each application's health endpoint until all say UP; the last answers if they never do. */
  private static Map<String, String> awaitHealthy(LocalStack stack) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("gateway", stack.gatewayUrl());
    urls.put("identity-provider", stack.identityProviderUrl());
    for (var service : List.of(StackApps.SHELTER_OCCUPANCY, StackApps.TRANSPORT, StackApps.RENTAL_REFERRAL)) {
      urls.put(service.name(), stack.serviceUrl(service));
    }
    Map<String, String> status = new LinkedHashMap<>();
    long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
    while (true) {
      for (var app : urls.entrySet()) {
        if (!"UP".equals(status.get(app.getKey()))) {
          status.put(app.getKey(), health(http, app.getValue()));
        }
      }
      if (status.values().stream().allMatch("UP"::equals) || System.nanoTime() > deadline) {
        return status;
      }
      Thread.sleep(20);
    }
  }

  private static String health(HttpClient http, String baseUrl) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"")
          ? "UP" : "HTTP " + response.statusCode();
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Runs the benchmark's commands, one per line, until its input ends: {@code mongo-reset} forgets
   * what the embedded MongoDB counted so far; {@code full-scans <file>} writes the whole-collection
   * reads counted since (tab-separated: times, documents read, collection, query shape) and {@code
   * mongo-commands <file>} the commands (times, command, collection), one line each.
   */
  private static void followCommands(InputStream in, LocalStack stack) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.equals("mongo-reset")) {
          stack.fullScans().ifPresent(FullScans::clear);
          stack.mongoCommands().ifPresent(MongoCommands::clear);
        } else if (line.startsWith("full-scans ")) {
          writeWhole(Path.of(line.substring("full-scans ".length())),
              stack.fullScans().map(FullScans::all).orElse(List.of()).stream()
                  .map(scan -> scan.times() + "\t" + scan.documentsRead() + "\t" + scan.collection() + "\t"
                      + scan.shape())
                  .toList());
        } else if (line.startsWith("mongo-commands ")) {
          writeWhole(Path.of(line.substring("mongo-commands ".length())),
              stack.mongoCommands().map(MongoCommands::all).orElse(List.of()).stream()
                  .map(count -> count.times() + "\t" + count.command() + "\t" + count.collection())
                  .toList());
        }
      }
    } catch (IOException e) {
      // the benchmark went away: stop as well
    }
  }
}
