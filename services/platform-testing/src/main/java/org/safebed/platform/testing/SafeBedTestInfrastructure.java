package org.safebed.platform.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at this JVM's test infrastructure: its own database on the
 * wire-protocol MongoDB, the chosen broker with a namespace of its own (so parallel contexts and
 * test runs sharing one RabbitMQ never consume each other's events), and trust in
 * {@link TestTokens}. Use through {@link SafeBedServiceTest}.
 */
public final class SafeBedTestInfrastructure
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** A random AES-256 key per test JVM: sealed test data never opens anywhere else. */
  private static final String TEST_SEALING_KEY = randomKey();

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> properties = new HashMap<>(TestTokens.trustProperties());
    properties.put("spring.mongodb.uri", TestMongo.baseUri() + "/test_" + run);
    properties.put("spring.mongodb.database", "test_" + run);
    properties.put("spring.rabbitmq.addresses", TestBroker.get().uri());
    properties.put("safebed.messaging.namespace", "test-" + run + ".");
    properties.put("safebed.messaging.delete-queues-on-shutdown", "true");
    properties.put("safebed.sealing.key", TEST_SEALING_KEY);
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("safebed-test-infrastructure", properties));
  }
}
