package org.safebed.transport.domain;

import java.net.URI;
import java.util.List;

/** The devices drivers are alerted on, each driver's own: keyed by driver and endpoint. */
public interface PushSubscriptions {

  /**
   * Keeps the subscription, replacing the driver's one with the same endpoint; then keeps only
   * her {@code maxPerDriver} most recent ones.
   */
  void save(PushSubscription subscription, int maxPerDriver);

  List<PushSubscription> of(String driverSubject);

  /** Removes the driver's subscription with this endpoint, if she has one. */
  void remove(String driverSubject, URI endpoint);
}
