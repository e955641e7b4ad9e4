package org.safebed.transport.application;

import java.net.URI;
import java.time.Clock;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.transport.config.PushProperties;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.PushSubscription;
import org.safebed.transport.domain.PushSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A driver registers her devices for alerts of offers, and removes them; each driver only her own. */
@Service
public class PushDevices {

  private static final Logger log = LoggerFactory.getLogger(PushDevices.class);

  private final PushSubscriptions subscriptions;
  private final PushEndpoints endpoints;
  private final PushDelivery delivery;
  private final Drivers drivers;
  private final PushProperties properties;
  private final Clock clock;

  public PushDevices(
      PushSubscriptions subscriptions, PushEndpoints endpoints, PushDelivery delivery, Drivers drivers,
      PushProperties properties, Clock clock) {
    this.subscriptions = subscriptions;
    this.endpoints = endpoints;
    this.delivery = delivery;
    this.drivers = drivers;
    this.properties = properties;
    this.clock = clock;
  }

  /** The key devices subscribe with; 404 when push is off. */
  public String publicKey() {
    return delivery.publicKey().orElseThrow(() -> ApiException.notFound("Push alerts configuration"));
  }

  /** Registers (or renews) one of the driver's devices, identified by its endpoint. */
  public void subscribe(String driverSubject, String endpoint) {
    URI checked = endpoints.check(endpoint);
    requireDriver(driverSubject);
    publicKey(); // nothing to subscribe to while push is off
    subscriptions.save(new PushSubscription(driverSubject, checked, clock.instant()), properties.maxDevicesPerDriver());
    log.info("A driver's device subscribed to push alerts via {}", checked.getHost());
  }

  /** Removes one of the driver's devices; an endpoint she has not registered changes nothing. */
  public void unsubscribe(String driverSubject, String endpoint) {
    URI checked = endpoints.check(endpoint);
    requireDriver(driverSubject);
    subscriptions.remove(driverSubject, checked);
  }

  private void requireDriver(String driverSubject) {
    if (drivers.findBySubject(driverSubject).isEmpty()) {
      throw ApiException.notFound("Driver profile");
    }
  }
}
