package org.safebed.platform.web.push;

import java.net.URI;
import java.time.Clock;
import org.safebed.platform.web.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A person registers her devices for alerts, and removes them; each person only her own. */
public final class PushDevices {

  private static final Logger log = LoggerFactory.getLogger(PushDevices.class);

  private final PushSubscriptions subscriptions;
  private final PushEndpoints endpoints;
  private final PushDelivery delivery;
  private final int maxPerAccount;
  private final Clock clock;

  public PushDevices(
      PushSubscriptions subscriptions, PushEndpoints endpoints, PushDelivery delivery, int maxPerAccount, Clock clock) {
    this.subscriptions = subscriptions;
    this.endpoints = endpoints;
    this.delivery = delivery;
    this.maxPerAccount = maxPerAccount;
    this.clock = clock;
  }

  /** The key devices subscribe with; 404 when push is off. */
  public String publicKey() {
    return delivery.publicKey().orElseThrow(() -> ApiException.notFound("Push alerts configuration"));
  }

  /** The endpoint if SafeBed may call it; 400 otherwise. Check before anything else about the caller. */
  public URI check(String endpoint) {
    return endpoints.check(endpoint);
  }

  /** Registers (or renews) one of the account's devices, identified by its endpoint; 404 when push is off. */
  public void subscribe(String accountSubject, URI endpoint) {
    publicKey(); // nothing to subscribe to while push is off
    subscriptions.save(new PushSubscription(accountSubject, endpoint, clock.instant()), maxPerAccount);
    log.info("A device subscribed to push alerts via {}", endpoint.getHost());
  }

  /** Removes one of the account's devices; an endpoint it has not registered changes nothing. */
  public void unsubscribe(String accountSubject, URI endpoint) {
    subscriptions.remove(accountSubject, endpoint);
  }
}
