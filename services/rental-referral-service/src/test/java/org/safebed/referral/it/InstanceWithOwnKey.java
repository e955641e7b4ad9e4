package org.safebed.referral.it;

import java.util.ArrayList;
import java.util.List;
import org.safebed.platform.testing.TestTokens;
import org.safebed.referral.RentalReferralApplication;
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
      "spring.rabbitmq.addresses", "safebed.messaging.namespace", "safebed.referral.occupancy.base-url",
      "safebed.referral.service-credentials.token-uri", "safebed.referral.service-credentials.client-secret");

  private final ConfigurableApplicationContext context;

  private InstanceWithOwnKey(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static InstanceWithOwnKey nextTo(Environment running, String sealingKey, String keyId) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.config.name=rental-referral-service",
        "--server.port=0",
        "--safebed.sealing.key=" + sealingKey,
        "--safebed.sealing.key-id=" + keyId,
        // Sweeps and the reconciler stay with the test's own instance, which the test drives.
        "--safebed.referral.sweep-interval=1h",
        "--safebed.referral.reconcile-interval=1h"));
    SHARED.forEach(name -> args.add("--" + name + "=" + running.getRequiredProperty(name)));
    TestTokens.trustProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
    return new InstanceWithOwnKey(
        new SpringApplicationBuilder(RentalReferralApplication.class).run(args.toArray(String[]::new)));
  }

  Api api() {
    return new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
  }

  @Override
  public void close() {
    context.close();
  }
}
