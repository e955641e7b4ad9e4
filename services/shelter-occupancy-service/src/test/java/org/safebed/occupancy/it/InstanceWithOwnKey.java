package org.safebed.occupancy.it;

import java.util.ArrayList;
import java.util.List;
import org.safebed.occupancy.ShelterOccupancyApplication;
import org.safebed.platform.testing.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another instance of the service on the database and broker namespace of a test's own instance,
 * but sealing with a key of its own: the instance that ran before a key rotation. Started outside
 * the test framework, which would give it the test JVM's key and a database of its own.
 */
final class InstanceWithOwnKey implements AutoCloseable {

  private static final List<String> SHARED = List.of("spring.mongodb.uri", "spring.mongodb.database",
      "spring.rabbitmq.addresses", "safebed.messaging.namespace");

  private final ConfigurableApplicationContext context;

  private InstanceWithOwnKey(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static InstanceWithOwnKey nextTo(Environment running, String sealingKey, String keyId) {
    List<String> args = new ArrayList<>(List.of(
        "--" + ShelterOccupancyApplication.CONFIG_NAME,
        "--server.port=0",
        "--safebed.sealing.key=" + sealingKey,
        "--safebed.sealing.key-id=" + keyId,
        // Background rounds stay with the test's own instance.
        "--safebed.occupancy.expiry-sweep-interval=1h",
        "--safebed.occupancy.reconcile-interval=1h",
        "--safebed.occupancy.waitlist-interval=1h",
        "--safebed.occupancy.escalation-interval=1h",
        "--safebed.occupancy.travel-estimates.base-url=" + OccupancyIT.NO_SERVICE,
        "--safebed.occupancy.service-credentials.token-uri=" + OccupancyIT.NO_SERVICE + "/oauth2/token",
        "--safebed.occupancy.max-distance-km=" + running.getProperty("safebed.occupancy.max-distance-km")));
    SHARED.forEach(name -> args.add("--" + name + "=" + running.getRequiredProperty(name)));
    TestTokens.trustProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
    return new InstanceWithOwnKey(
        new SpringApplicationBuilder(ShelterOccupancyApplication.class).run(args.toArray(String[]::new)));
  }

  Http http() {
    return new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
  }

  @Override
  public void close() {
    context.close();
  }
}
