package org.safebed.faults.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the fault suite's own: its own node name, ports, data and log folders and
 * configuration, so stopping and restarting it never disturbs the shared broker on 5672 that other
 * tests use. Started with the installed {@code rabbitmq-server} and driven with {@code rabbitmqctl}.
 */
public final class PrivateRabbitMq implements AutoCloseable {

  /** Debian's own scripts: {@code /usr/sbin/rabbitmq-server} would switch to the rabbitmq user. */
  private static final Path DEBIAN_SCRIPTS = Path.of("/usr/lib/rabbitmq/bin");
  private static final long CTL_TIMEOUT_SECONDS = 90;

  private final Path scripts;
  private final Path home;
  private final String node;
  private final int port;
  private final Map<String, String> environment;
  private volatile boolean closed;

  private PrivateRabbitMq(Path scripts, Path home, String node, int port, Map<String, String> environment) {
    this.scripts = scripts;
    this.home = home;
    this.node = node;
    this.port = port;
    this.environment = environment;
  }

  /** The folder holding {@code rabbitmq-server} and {@code rabbitmqctl}, if RabbitMQ is installed. */
  public static Optional<Path> installation() {
    if (Files.isExecutable(DEBIAN_SCRIPTS.resolve("rabbitmq-server"))
        && Files.isExecutable(DEBIAN_SCRIPTS.resolve("rabbitmqctl"))) {
      return Optional.of(DEBIAN_SCRIPTS);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir);
      if (Files.isExecutable(candidate.resolve("rabbitmq-server"))
          && Files.isExecutable(candidate.resolve("rabbitmqctl"))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Starts a fresh node on free ports and waits until it accepts connections. */
  public static PrivateRabbitMq start() {
    Path scripts = installation().orElseThrow(() -> new IllegalStateException("RabbitMQ is not installed"));
    try {
      Path home = Files.createTempDirectory("safebed-faults-rabbitmq-");
      int port = freePort();
      int distributionPort = freePort();
      String node = "safebed-faults-" + ProcessHandle.current().pid() + "-"
          + UUID.randomUUID().toString().substring(0, 4) + "@localhost";
      Files.createDirectories(home.resolve("mnesia"));
      Files.createDirectories(home.resolve("log"));
      Files.writeString(home.resolve("enabled_plugins"), "[].\n");
      Files.writeString(home.resolve("rabbitmq-env.conf"), "");
      Files.writeString(home.resolve("rabbitmq.conf"), String.join("\n",
          "listeners.tcp.1 = 127.0.0.1:" + port,
          "loopback_users.guest = true",
          "log.console = false",
          "log.file.level = warning",
          ""));
      Map<String, String> environment = new HashMap<>();
      environment.put("RABBITMQ_NODENAME", node);
      environment.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
      environment.put("RABBITMQ_NODE_PORT", Integer.toString(port));
      environment.put("RABBITMQ_DIST_PORT", Integer.toString(distributionPort));
      environment.put("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString());
      environment.put("RABBITMQ_LOG_BASE", home.resolve("log").toString());
      environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
      environment.put("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq.conf").toString());
      environment.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString());
      environment.put("RABBITMQ_PID_FILE", home.resolve("node.pid").toString());
      environment.put("ERL_EPMD_ADDRESS", "127.0.0.1");
      PrivateRabbitMq broker = new PrivateRabbitMq(scripts, home, node, port, environment);
      try {
        broker.startNode();
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
      System.out.println("[safebed-faults] private RabbitMQ node " + node + " on port " + port);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the private RabbitMQ node", e);
    }
  }

  private void startNode() {
    run(List.of(scripts.resolve("rabbitmq-server").toString(), "-detached"), "start");
    // -detached returns before the node exists; wait follows its pid file until the broker runs.
    ctl("wait", home.resolve("node.pid").toString(), "--timeout", "90");
    awaitPort(true);
  }

  public String uri() {
    return "amqp://guest:guest@127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the broker application (listeners, connections) but keeps the node and its data. */
  public void stopApp() {
    ctl("stop_app");
    awaitPort(false);
  }

  /** Starts the broker application again; durable queues and persistent messages are back. */
  public void startApp() {
    ctl("start_app");
    ctl("await_startup", "--timeout", "60");
    awaitPort(true);
  }

  /** Stops the node and removes its data; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      ctl("stop");
    } catch (RuntimeException e) {
      killByPidFile();
    }
    deleteRecursively(home);
  }

  private void killByPidFile() {
    try {
      long pid = Long.parseLong(Files.readString(home.resolve("node.pid")).strip());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    } catch (IOException | NumberFormatException e) {
      System.out.println("[safebed-faults] could not stop the private RabbitMQ node " + node);
    }
  }

  private void ctl(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(scripts.resolve("rabbitmqctl").toString());
    command.add("-n");
    command.add(node);
    command.addAll(List.of(arguments));
    run(command, arguments[0]);
  }

  private void run(List<String> command, String what) {
    Path output = home.resolve("cli-" + what + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("RABBITMQ_") || name.startsWith("ERL_"));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (!process.waitFor(CTL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " of " + node + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(what + " of " + node + " failed (exit " + process.exitValue() + "): "
            + tail(output) + logTail());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitPort(boolean open) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (accepts() == open) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("port " + port + " did not " + (open ? "open" : "close"));
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try (Stream<Path> logs = Files.list(home.resolve("log"))) {
      StringBuilder text = new StringBuilder();
      for (Path log : logs.toList()) {
        text.append("\n--- ").append(log.getFileName()).append('\n').append(tail(log));
      }
      return text.toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the OS cleans it eventually
    }
  }
}
