package org.safebed.console.push;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.ServiceRefusal;
import org.safebed.console.services.TransportApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push for a phone, passed on to the service that sends the alerts: transport for a driver's
 * offers, shelter occupancy for a police officer's urgent notifications. Each screen's own path: its
 * public key for the browser's subscription, and the subscription itself (the push service's address
 * for this phone and the phone's keys). The service checks the address against the push services it trusts.
 */
@RestController
class PushController {

  private final TransportApi transport;
  private final OccupancyApi occupancy;

  PushController(TransportApi transport, OccupancyApi occupancy) {
    this.transport = transport;
    this.occupancy = occupancy;
  }

  /** 404 when push is off: the page then offers no alerts. */
  @GetMapping("/console/driver/push/key")
  @PreAuthorize("hasRole('DRIVER')")
  ResponseEntity<Map<String, String>> driverKey() {
    return key(transport::pushPublicKey);
  }

  @PostMapping("/console/driver/push/subscription")
  @PreAuthorize("hasRole('DRIVER')")
  ResponseEntity<Void> driverSubscription(@RequestBody BrowserSubscription subscription) {
    return subscribe(transport::savePushSubscription, subscription);
  }

  @GetMapping("/console/police/push/key")
  @PreAuthorize("hasRole('POLICE')")
  ResponseEntity<Map<String, String>> policeKey() {
    return key(occupancy::pushPublicKey);
  }

  @PostMapping("/console/police/push/subscription")
  @PreAuthorize("hasRole('POLICE')")
  ResponseEntity<Void> policeSubscription(@RequestBody BrowserSubscription subscription) {
    return subscribe(occupancy::savePushSubscription, subscription);
  }

  private static ResponseEntity<Map<String, String>> key(Supplier<String> publicKey) {
    try {
      return ResponseEntity.ok(Map.of("publicKey", publicKey.get()));
    } catch (ServiceRefusal off) {
      return ResponseEntity.notFound().build();
    }
  }

  private static ResponseEntity<Void> subscribe(
      BiConsumer<String, Map<String, String>> save, BrowserSubscription subscription) {
    save.accept(subscription.endpoint(), subscription.keys());
    return ResponseEntity.noContent().build();
  }

  /** Only what the services take: the browser also sends {@code expirationTime}, usually null. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BrowserSubscription(String endpoint, Map<String, String> keys) {}
}
