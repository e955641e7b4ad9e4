package org.safebed.occupancy.it;

import java.util.List;
import org.safebed.occupancy.ShelterOccupancyApplication;
import org.safebed.platform.testing.SecondInstance;
import org.springframework.core.env.Environment;

/**
 * Another instance of the service on the database and broker namespace of a test's own instance,
 * but sealing with a key of its own: the instance that ran before a key rotation.
 */
final class InstanceWithOwnKey {

  private static final List<String> SHARED = List.of("spring.mongodb.uri", "spring.mongodb.database",
      "spring.rabbitmq.addresses", "safebed.messaging.namespace");

  private InstanceWithOwnKey() {}

  static SecondInstance nextTo(Environment running, String sealingKey, String keyId) {
    return SecondInstance.nextTo(running, ShelterOccupancyApplication.class, SHARED, List.of(
        "--" + ShelterOccupancyApplication.CONFIG_NAME,
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
  }
}
