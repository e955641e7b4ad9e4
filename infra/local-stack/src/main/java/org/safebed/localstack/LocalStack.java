package org.safebed.localstack;

import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.safebed.localstack.apps.AppLauncher;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.localstack.infrastructure.Infrastructure;
import org.safebed.localstack.infrastructure.SealingKey;
import org.safebed.platform.embedded.FullScans;
import org.safebed.platform.embedded.MongoCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole of SafeBed in this JVM: MongoDB and an AMQP broker (embedded unless given), the
 * identity provider, the three services and the gateway, each its own Spring context. Used by
 * {@link LocalStackApplication} and by end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final Infrastructure infrastructure;
  private final StackEndpoints endpoints;
  private final AppProperties properties;
  private final Map<StackApp, ConfigurableApplicationContext> contexts;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalStack(
      Infrastructure infrastructure, StackEndpoints endpoints, AppProperties properties,
      Map<StackApp, ConfigurableApplicationContext> contexts) {
    this.infrastructure = infrastructure;
    this.endpoints = endpoints;
    this.properties = properties;
    this.contexts = contexts;
  }

  /**
   * Starts everything and returns once every application is serving. On failure, whatever had
   * started is stopped again before the exception is thrown.
   */
  public static LocalStack start(Options options) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(options);
      } catch (RuntimeException e) {
        // A free port the stack picked (port 0) can be taken by another process's connection
        // before the stack binds it: a new start picks new ones. A port someone asked for is not
        // picked again, so that failure stands.
        if (attempt == PORT_RACE_ATTEMPTS || !options.picksAnyPort() || !portTaken(e)) {
          throw e;
        }
        log.warn("A port picked as free was taken before the stack could bind it; starting again on new ports");
      }
    }
  }

  private static final int PORT_RACE_ATTEMPTS = 3;

  private static boolean portTaken(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PortInUseException || cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static LocalStack startOnce(Options options) {
    takeOverLogging();
    long started = System.nanoTime();
    StackEndpoints endpoints = StackEndpoints.resolve(options);
    AppProperties properties = new AppProperties(options, endpoints,
        SealingKey.resolve(options.sealingKey(), options.dataDir()));
    Map<StackApp, ConfigurableApplicationContext> contexts =
        Collections.synchronizedMap(new LinkedHashMap<>());
    // Only the services need MongoDB and the broker at start-up; keys and tokens are fetched on
    // first use. So the identity provider, the gateway and the web console start at once, the services as soon as
    // the data stores are up, and everything side by side.
    CompletableFuture<Infrastructure> infrastructure = onOwnThread("infrastructure",
        () -> Infrastructure.start(options.externalMongoUri(), options.mongoPort(),
            options.dataDir(), options.externalBrokerUri(), options.brokerPort()));
    List<CompletableFuture<?>> starts = new ArrayList<>();
    starts.add(infrastructure);
    for (StackApp app : List.of(StackApps.IDENTITY_PROVIDER, StackApps.GATEWAY_APP, StackApps.WEB_CONSOLE)) {
      starts.add(onOwnThread(app.name(),
          () -> contexts.put(app, AppLauncher.launch(app, properties.of(app)))));
    }
    for (StackApp service : StackApps.SERVICES) {
      starts.add(infrastructure.thenAcceptAsync(
          stores -> contexts.put(service, AppLauncher.launch(service, properties.of(service, stores))),
          task -> Thread.ofPlatform().name("local-stack-start-" + service.name()).start(task)));
    }
    try {
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      // allOf completes only once every start has ended, so nothing is left half-started.
      new LocalStack(infrastructure.isCompletedExceptionally() ? null : infrastructure.join(),
          endpoints, properties, contexts).close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    log.info("Local stack started in {} ms", (System.nanoTime() - started) / 1_000_000);
    return new LocalStack(infrastructure.join(), endpoints, properties, contexts);
  }

  private static <T> CompletableFuture<T> onOwnThread(String name, Supplier<T> task) {
    return CompletableFuture.supplyAsync(task,
        runnable -> Thread.ofPlatform().name("local-stack-start-" + name).start(runnable));
  }

  /**
   * Logback is one per JVM. If each application initialised it, each would reset the others'
   * levels and silence all logging while it starts (and Spring Cloud's bootstrap listener would
   * leave it silenced); the stack's {@code logback.xml} configures it once instead. Tomcat logs
   * through java.util.logging, which Boot would otherwise have bridged.
   */
  private static void takeOverLogging() {
    if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
      System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** The single entry point, e.g. {@code http://localhost:8080}. */
  public String gatewayUrl() {
    return endpoints.gatewayUrl();
  }

  /** The identity provider, also the token issuer, e.g. {@code http://localhost:9000}. */
  public String identityProviderUrl() {
    return endpoints.identityProviderUrl();
  }

  /** Where the demo clients get tokens (client credentials). */
  public String tokenUrl() {
    return endpoints.tokenUrl();
  }

  /** A service's own URL, bypassing the gateway (as services call each other). */
  public String serviceUrl(StackApp service) {
    return endpoints.urlOf(service);
  }

  /** The MongoDB connection string, without a database. */
  public String mongoUri() {
    return infrastructure.mongoUri();
  }

  /** The AMQP broker's URI, with credentials. */
  /**
   * What the embedded MongoDB answered by reading whole collections (see {@link
   * FullScans}); empty when the stack uses an external MongoDB.
   */
  public Optional<FullScans> fullScans() {
    return infrastructure.fullScans();
  }

  /** The commands the embedded MongoDB answered, by command and collection; empty with an external MongoDB. */
  public Optional<MongoCommands> mongoCommands() {
    return infrastructure.mongoCommands();
  }

  public String brokerUri() {
    return infrastructure.brokerUri();
  }

  /** The running context of an application, e.g. to reach its beans from a test. */
  public Optional<ConfigurableApplicationContext> context(StackApp app) {
    return Optional.ofNullable(contexts.get(app));
  }

  /**
   * Stops one application, as a crash or a redeployment would, while everything else keeps running:
   * its context closes, its data stays in MongoDB and its inbox queue in the broker. Used by fault
   * tests; {@link #start(StackApp)} brings it back on the same port.
   */
  public synchronized void stop(StackApp app) {
    ConfigurableApplicationContext context = contexts.remove(app);
    if (context == null) {
      throw new IllegalStateException(app.name() + " is not running");
    }
    context.close();
    log.info("{} stopped", app.name());
  }

  /** Starts a stopped application again, on its port and with the properties it had. */
  public synchronized void start(StackApp app) {
    if (closed.get()) {
      throw new IllegalStateException("the stack is closed");
    }
    if (contexts.containsKey(app)) {
      throw new IllegalStateException(app.name() + " is already running");
    }
    endpoints.portOf(app); // refuses an application that is not part of the stack
    Map<String, String> appProperties =
        app.usesMongoAndBroker() ? properties.of(app, infrastructure) : properties.of(app);
    contexts.put(app, AppLauncher.launch(app, appProperties));
    log.info("{} started again", app.name());
  }

  /** Whether the application is running (it is, unless {@link #stop(StackApp)} stopped it). */
  public boolean isRunning(StackApp app) {
    return contexts.containsKey(app);
  }

  /** Stops the gateway first and the data stores last; safe to call more than once. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<StackApp> stopOrder = new ArrayList<>(StackApps.ALL).reversed();
    for (StackApp app : stopOrder) {
      ConfigurableApplicationContext context = contexts.remove(app);
      if (context != null) {
        try {
          context.close();
        } catch (RuntimeException e) {
          log.warn("Stopping {} failed", app.name(), e);
        }
      }
    }
    if (infrastructure != null) {
      infrastructure.close();
    }
    log.info("Local stack stopped");
  }

  /**
   * How to run the stack.
   *
   * @param gatewayPort the gateway's port ({@code 0}: any free port, as for every port here)
   * @param identityProviderPort the identity provider's port; the token issuer is
   *     {@code http://localhost:<port>}
   * @param shelterOccupancyPort the shelter occupancy service's port
   * @param transportPort the transport service's port
   * @param rentalReferralPort the rental referral service's port
   * @param webConsolePort the web console's port (people reach it through the gateway)
   * @param mongoPort the embedded MongoDB's port (unused with {@code externalMongoUri})
   * @param brokerPort the embedded AMQP broker's port (unused with {@code externalBrokerUri})
   * @param externalMongoUri a MongoDB to use instead of the embedded one, or {@code null}
   * @param externalBrokerUri an AMQP broker ({@code amqp://user:pass@host:port}) to use instead of
   *     the embedded one, or {@code null}
   * @param dataDir where the embedded MongoDB file and the sealing key live; {@code null} keeps
   *     everything in memory for this run only
   * @param sealingKey base64 of 32 bytes, or {@code null} to keep one in {@code dataDir}
   * @param demoData whether the services load their demo shelters, units and drivers
   * @param properties extra properties for every application, above all others
   */
  public record Options(
      int gatewayPort,
      int identityProviderPort,
      int shelterOccupancyPort,
      int transportPort,
      int rentalReferralPort,
      int webConsolePort,
      int mongoPort,
      int brokerPort,
      String externalMongoUri,
      String externalBrokerUri,
      Path dataDir,
      String sealingKey,
      boolean demoData,
      Map<String, String> properties) {

    public Options {
      for (int port : new int[] {gatewayPort, identityProviderPort, shelterOccupancyPort,
          transportPort, rentalReferralPort, webConsolePort, mongoPort, brokerPort}) {
        if (port < 0 || port > 65_535) {
          throw new IllegalArgumentException("ports must be 0..65535 but one was " + port);
        }
      }
      externalMongoUri = blankToNull(externalMongoUri);
      externalBrokerUri = blankToNull(externalBrokerUri);
      sealingKey = blankToNull(sealingKey);
      properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The documented local ports, file-backed data in {@code ./.safebed-data}, demo data. */
    public static Options defaults() {
      return new Options(8080, 9000, 8081, 8082, 8083, 8084, 27018, 5673, null, null,
          Path.of(".safebed-data"), null, true, Map.of());
    }

    /** Whether any port is left for the stack to pick (0). */
    boolean picksAnyPort() {
      for (int port : new int[] {gatewayPort, identityProviderPort, shelterOccupancyPort, transportPort,
          rentalReferralPort, webConsolePort, mongoPort, brokerPort}) {
        if (port == 0) {
          return true;
        }
      }
      return false;
    }

    /** Free ports, in-memory data, demo data: for tests that must not collide with anything. */
    public static Options ephemeral() {
      return new Options(0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, true, Map.of());
    }

    /**
     * {@link #defaults()} adjusted by {@code SAFEBED_MONGODB_URI}, {@code SAFEBED_RABBITMQ_URI},
     * {@code SAFEBED_DATA_DIR} and {@code SAFEBED_SEALING_KEY}.
     */
    public static Options fromEnvironment(Map<String, String> environment) {
      Options defaults = defaults();
      String dataDir = environment.get("SAFEBED_DATA_DIR");
      return new Options(defaults.gatewayPort(), defaults.identityProviderPort(),
          defaults.shelterOccupancyPort(), defaults.transportPort(), defaults.rentalReferralPort(),
          defaults.webConsolePort(), defaults.mongoPort(), defaults.brokerPort(),
          environment.get("SAFEBED_MONGODB_URI"), environment.get("SAFEBED_RABBITMQ_URI"),
          dataDir == null || dataDir.isBlank() ? defaults.dataDir() : Path.of(dataDir),
          environment.get("SAFEBED_SEALING_KEY"), true, Map.of());
    }

    /** The same options, keeping the embedded MongoDB's file and the sealing key in {@code dir}. */
    public Options withDataDir(Path dir) {
      return new Options(gatewayPort, identityProviderPort, shelterOccupancyPort, transportPort,
          rentalReferralPort, webConsolePort, mongoPort, brokerPort, externalMongoUri, externalBrokerUri, dir,
          sealingKey, demoData, properties);
    }

    /** The same options using an existing MongoDB and AMQP broker ({@code null}: embedded). */
    public Options withExternal(String mongoUri, String brokerUri) {
      return new Options(gatewayPort, identityProviderPort, shelterOccupancyPort, transportPort,
          rentalReferralPort, webConsolePort, mongoPort, brokerPort, mongoUri, brokerUri, dataDir, sealingKey,
          demoData, properties);
    }

    /** The same options with or without the demo data. */
    public Options withDemoData(boolean enabled) {
      return new Options(gatewayPort, identityProviderPort, shelterOccupancyPort, transportPort,
          rentalReferralPort, webConsolePort, mongoPort, brokerPort, externalMongoUri, externalBrokerUri, dataDir,
          sealingKey, enabled, properties);
    }

    /** The same options plus one property for every application. */
    public Options withProperty(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(properties);
      more.put(name, value);
      return new Options(gatewayPort, identityProviderPort, shelterOccupancyPort, transportPort,
          rentalReferralPort, webConsolePort, mongoPort, brokerPort, externalMongoUri, externalBrokerUri, dataDir,
          sealingKey, demoData, more);
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value;
    }
  }
}
