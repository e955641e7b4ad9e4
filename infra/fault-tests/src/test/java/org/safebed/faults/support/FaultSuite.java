package org.safebed.faults.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;
import org.safebed.platform.messaging.config.MessagingProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The system under fault, once per test JVM: a private RabbitMQ node, the whole local stack on it
 * (in-memory MongoDB, no demo data, a namespace of its own) and what the tests need around it: the
 * gateway client, direct database reads, the inbox interceptors, the test's own broker connection.
 *
 * <p>Capacity for several hundred placements: two shelters of 200 beds near Paris, 300 vetted
 * drivers, plus three drivers with demo accounts (they can log in to accept, pick up and deliver)
 * based right at the usual pick-up so they are offered jobs first.
 */
public final class FaultSuite {

  public static final String POLICE = "demo-police";
  public static final String COORDINATOR = "demo-coordinator";
  public static final String MANAGER = "demo-shelter-manager";
  public static final List<String> DRIVER_ACCOUNTS = List.of("demo-driver", "demo-driver-2", "demo-driver-3");
  public static final List<StackApp> SERVICES = StackApps.SERVICES;
  static final int FLEET = 300;

  private static FaultSuite instance;

  private final PrivateRabbitMq broker;
  private final LocalStack stack;
  private final String namespace;
  private final Http http;
  private final Databases databases;
  private final Inboxes inboxes = new Inboxes();
  private final CachingConnectionFactory connections;
  private final RabbitAdmin admin;
  private final RabbitTemplate rabbit;
  private boolean closed;

  private FaultSuite(PrivateRabbitMq broker, LocalStack stack, String namespace) {
    this.broker = broker;
    this.stack = stack;
    this.namespace = namespace;
    this.http = new Http(stack.gatewayUrl(), stack.tokenUrl());
    this.databases = new Databases(stack.mongoUri());
    this.connections = new CachingConnectionFactory(java.net.URI.create(broker.uri()));
    this.admin = new RabbitAdmin(connections);
    this.rabbit = new RabbitTemplate(connections);
  }

  private static RuntimeException failure;

  /** The suite, started on first use; a failed start fails every later caller at once. */
  public static synchronized FaultSuite get() {
    if (failure != null) {
      throw new IllegalStateException("the fault suite did not start", failure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return instance;
  }

  private static FaultSuite start() {
    long started = System.nanoTime();
    PrivateRabbitMq broker = PrivateRabbitMq.start();
    String namespace = "faults-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    LocalStack stack;
    try {
      stack = LocalStack.start(LocalStack.Options.ephemeral()
          .withDemoData(false)
          .withExternal(null, broker.uri())
          .withProperty("safebed.messaging.namespace", namespace)
          // One police account places hundreds of children here; the cap is not under test.
          .withProperty("safebed.occupancy.max-active-holds-per-requester", "100000"));
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    FaultSuite suite = new FaultSuite(broker, stack, namespace);
    try {
      suite.prepare();
    } catch (RuntimeException e) {
      suite.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "fault-suite-shutdown"));
    System.out.printf("[safebed-faults] stack ready in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    return suite;
  }

  private void prepare() {
    for (StackApp service : SERVICES) {
      inboxes.install(stack, service);
    }
    Fixture.shelters(http);
    Fixture.drivers(http, FLEET);
  }

  private synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stack.close();
    } finally {
      connections.destroy();
      databases.close();
      broker.close();
    }
  }

  public PrivateRabbitMq broker() {
    return broker;
  }

  public LocalStack stack() {
    return stack;
  }

  public String namespace() {
    return namespace;
  }

  public String exchange() {
    return namespace + "safebed.events";
  }

  public Http http() {
    return http;
  }

  public Databases db() {
    return databases;
  }

  public Inboxes inboxes() {
    return inboxes;
  }

  public CachingConnectionFactory connections() {
    return connections;
  }

  public RabbitAdmin admin() {
    return admin;
  }

  public RabbitTemplate rabbit() {
    return rabbit;
  }

  public Journeys journeys() {
    return new Journeys(this);
  }

  public EventTap tap(String... types) {
    return new EventTap(this, types);
  }

  /** The service's messaging settings (queue names) as the running service sees them. */
  public MessagingProperties messaging(StackApp service) {
    return stack.context(service).orElseThrow().getBean(MessagingProperties.class);
  }

  public String inboxOf(StackApp service) {
    return namespace + messagingName(service) + ".inbox";
  }

  public String deadLetterQueueOf(StackApp service) {
    return inboxOf(service) + ".dlq";
  }

  private static String messagingName(StackApp service) {
    return Map.of(
        StackApps.SHELTER_OCCUPANCY, "shelter-occupancy",
        StackApps.TRANSPORT, "transport",
        StackApps.RENTAL_REFERRAL, "rental-referral").get(service);
  }

  /** Removes every message waiting in the queue. */
  public void purge(String queue) {
    admin.purgeQueue(queue, false);
  }

  /** Ready messages in a queue (not those a consumer holds). */
  public long ready(String queue) {
    QueueInformation info = admin.getQueueInfo(queue);
    return info == null ? 0 : info.getMessageCount();
  }

  /**
   * Waits until nothing moves: every inbox empty, no handler running or run for a second, no
   * unpublished event in any outbox; seen twice in a row.
   */
  public void awaitQuiet(Duration atMost) {
    awaitQuiet(atMost, SERVICES);
  }

  /** {@link #awaitQuiet(Duration)} for some services only (the others' consumers may be paused). */
  public void awaitQuiet(Duration atMost, List<StackApp> services) {
    long deadline = System.nanoTime() + atMost.toNanos();
    int calmRounds = 0;
    while (System.nanoTime() < deadline) {
      boolean calm = inboxes.idleFor(Duration.ofSeconds(1))
          && services.stream().allMatch(s -> ready(inboxOf(s)) == 0)
          && services.stream().allMatch(s -> databases.pendingEvents(s) == 0);
      calmRounds = calm ? calmRounds + 1 : 0;
      if (calmRounds >= 2) {
        return;
      }
      sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("the system did not settle within " + atMost);
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
