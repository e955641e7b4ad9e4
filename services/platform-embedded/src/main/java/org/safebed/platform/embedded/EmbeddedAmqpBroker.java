package org.safebed.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An AMQP 0-9-1 broker running inside this JVM (Apache Qpid Broker-J, memory store), bound to
 * loopback, virtual host {@code /}, user {@code guest}/{@code guest}.
 *
 * <p>It accepts RabbitMQ's queue arguments ({@code x-queue-type}, {@code x-delivery-limit},
 * {@code x-dead-letter-*}) and ignores them, so the same topology code runs against it and against
 * RabbitMQ; publisher confirms, mandatory returns and manual acknowledgement work, but nothing is
 * dead-lettered. An unroutable {@code mandatory} message is nacked before it is returned (RabbitMQ
 * returns it and then acks), so a publisher must treat both as "not delivered". Everything is lost
 * when it stops. Its thread pools are sized for a handful of local connections, not Qpid's
 * defaults (more than 70 threads).
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

  private static final String CONFIG_TEMPLATE = "qpid-broker-config.json";

  private final SystemLauncher launcher;
  private final Path workDir;
  private final int port;
  private final boolean shutdownHookDetached;

  private EmbeddedAmqpBroker(
      SystemLauncher launcher, Path workDir, int port, boolean shutdownHookDetached) {
    this.launcher = launcher;
    this.workDir = workDir;
    this.port = port;
    this.shutdownHookDetached = shutdownHookDetached;
  }

  /**
   * Starts a broker.
   *
   * @param port the AMQP port, {@code 0} for any free port
   * @return the running broker
   */
  public static EmbeddedAmqpBroker start(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535 but was " + port);
    }
    Path workDir = createWorkDir();
    BrokerListener started = new BrokerListener();
    SystemLauncher launcher = new SystemLauncher(started);
    try {
      launcher.startup(launchAttributes(workDir, port));
      boolean detached = QpidShutdownHook.detach(started.broker());
      return new EmbeddedAmqpBroker(launcher, workDir, started.boundPort(), detached);
    } catch (Exception e) {
      shutDown(launcher);
      WorkDirectory.delete(workDir);
      throw new IllegalStateException("embedded AMQP broker did not start on port " + port, e);
    }
  }

  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("safebed-amqp-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the embedded AMQP broker's work folder", e);
    }
  }

  private static Map<String, Object> launchAttributes(Path workDir, int port) {
    Path config = workDir.resolve("initial-config.json");
    try (InputStream template = EmbeddedAmqpBroker.class.getResourceAsStream(CONFIG_TEMPLATE)) {
      if (template == null) {
        throw new IllegalStateException(CONFIG_TEMPLATE + " is missing from the classpath");
      }
      Files.copy(template, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded AMQP broker's configuration", e);
    }
    return Map.of(
        "type", "Memory",
        SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toUri().toString(),
        SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false,
        "context", Map.of(
            SystemConfig.QPID_WORK_DIR, workDir.toString(),
            "qpid.amqp_port", Integer.toString(port)));
  }

  /** The connection URI, e.g. {@code amqp://guest:guest@127.0.0.1:5673}. */
  public String uri() {
    return "amqp://guest:guest@127.0.0.1:" + port;
  }

  /** The AMQP port (the chosen one when started with port {@code 0}). */
  public int port() {
    return port;
  }

  /** Whether only {@link #close()} stops the broker, not also a JVM shutdown hook of Qpid's. */
  boolean shutdownHookDetached() {
    return shutdownHookDetached;
  }

  /** Closes all connections, stops the broker and removes its work folder. */
  @Override
  public void close() {
    try {
      shutDown(launcher);
    } finally {
      WorkDirectory.delete(workDir);
    }
  }

  private static void shutDown(SystemLauncher launcher) {
    try {
      launcher.shutdown();
    } catch (IllegalStateException alreadyStopped) {
      // Qpid's own shutdown hook (when it could not be detached) got there first.
    }
  }

  /** Gives access to the broker once started, e.g. to read the port really bound for port 0. */
  private static final class BrokerListener extends SystemLauncherListener.DefaultSystemLauncherListener {

    private volatile SystemConfig<?> systemConfig;

    @Override
    public void onContainerResolve(SystemConfig<?> systemConfig) {
      this.systemConfig = systemConfig;
    }

    Broker<?> broker() {
      return (Broker<?>) systemConfig.getContainer();
    }

    int boundPort() {
      return broker().getPorts().stream()
          .mapToInt(Port::getBoundPort)
          .filter(bound -> bound > 0)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("embedded AMQP broker bound no port"));
    }
  }
}
