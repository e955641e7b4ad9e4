package org.safebed.referral.it;

import java.util.List;
import org.safebed.platform.testing.SecondInstance;
import org.safebed.referral.RentalReferralApplication;
import org.springframework.core.env.Environment;

/**
 * Another instance of the service on the database and broker namespace of a test's own instance,
 * but sealing with a key of its own: the instance that ran before a key rotation.
 */
final class InstanceWithOwnKey {

  private static final List<String> SHARED = List.of("spring.mongodb.uri", "spring.mongodb.database",
      "spring.rabbitmq.addresses", "safebed.messaging.namespace", "safebed.referral.occupancy.base-url",
      "safebed.referral.service-credentials.token-uri", "safebed.referral.service-credentials.client-secret");

  private InstanceWithOwnKey() {}

  static SecondInstance nextTo(Environment running, String sealingKey, String keyId) {
    return SecondInstance.nextTo(running, RentalReferralApplication.class, SHARED, List.of(
        "--spring.config.name=rental-referral-service",
        "--safebed.sealing.key=" + sealingKey,
        "--safebed.sealing.key-id=" + keyId,
        // Sweeps and the reconciler stay with the test's own instance, which the test drives.
        "--safebed.referral.sweep-interval=1h",
        "--safebed.referral.reconcile-interval=1h"));
  }
}
