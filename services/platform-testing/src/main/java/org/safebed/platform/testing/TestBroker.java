package org.safebed.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.safebed.platform.embedded.EmbeddedAmqpBroker;

/**
 * The AMQP broker of this test JVM, chosen once: the real RabbitMQ at {@code SAFEBED_RABBITMQ_URI}
 * (default {@code amqp://guest:guest@127.0.0.1:5672}) when it answers, otherwise an embedded Qpid
 * broker so the suite still runs on a machine without RabbitMQ. Under {@code CI=true} there is no
 * fallback: CI must prove the broker-specific behaviour on the real thing.
 */
public final class TestBroker {

  private static final String DEFAULT_URI = "amqp://guest:guest@127.0.0.1:5672";
  private static volatile TestBroker instance;

  private final String uri;
  private final boolean realRabbitMq;

  private TestBroker(String uri, boolean realRabbitMq) {
    this.uri = uri;
    this.realRabbitMq = realRabbitMq;
  }

  public static TestBroker get() {
    if (instance == null) {
      synchronized (TestBroker.class) {
        if (instance == null) {
          instance = choose();
        }
      }
    }
    return instance;
  }

  public String uri() {
    return uri;
  }

  /** True when the tests talk to a real RabbitMQ (quorum queues, dead-lettering, restarts). */
  public boolean isRealRabbitMq() {
    return realRabbitMq;
  }

  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  private static TestBroker choose() {
    String configured = System.getenv("SAFEBED_RABBITMQ_URI");
    String uri = configured == null || configured.isBlank() ? DEFAULT_URI : configured;
    if (reachable(uri)) {
      return new TestBroker(uri, true);
    }
    if (onCi()) {
      throw new IllegalStateException(
          "CI=true but no RabbitMQ answers at " + URI.create(uri).getHost() + ":" + port(uri)
              + "; CI must run the broker-specific tests");
    }
    EmbeddedAmqpBroker embedded = EmbeddedAmqpBroker.start(0);
    Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
    System.out.println(
        "[safebed-tests] No RabbitMQ reachable: using the embedded AMQP broker; tests marked"
            + " @RequiresRabbitMq are skipped.");
    return new TestBroker(embedded.uri(), false);
  }

  private static boolean reachable(String uri) {
    URI parsed = URI.create(uri);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(parsed.getHost(), port(uri)), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int port(String uri) {
    int port = URI.create(uri).getPort();
    return port > 0 ? port : 5672;
  }
}
