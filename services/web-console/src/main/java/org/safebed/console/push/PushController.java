package org.safebed.console.driver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.safebed.console.services.ServiceRefusal;
import org.safebed.console.services.TransportApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push for the driver's phone, passed on to transport, which sends the alerts: its public key
 * for the browser's subscription, and the subscription itself (the push service's address for this
 * phone and the phone's keys). Transport checks the address against the push services it trusts.
 */
@RestController
@RequestMapping("/console/driver/push")
@PreAuthorize("hasRole('DRIVER')")
class PushController {

  private final TransportApi transport;

  PushController(TransportApi transport) {
    this.transport = transport;
  }

  /** 404 when push is off: the page then offers no alerts. */
  @GetMapping("/key")
  ResponseEntity<Map<String, String>> key() {
    try {
      return ResponseEntity.ok(Map.of("publicKey", transport.pushPublicKey()));
    } catch (ServiceRefusal off) {
      return ResponseEntity.notFound().build();
    }
  }

  /** The browser's {@code PushSubscription} as its {@code toJSON()} gives it. */
  @PostMapping("/subscription")
  ResponseEntity<Void> subscribe(@RequestBody BrowserSubscription subscription) {
    transport.savePushSubscription(subscription.endpoint(), subscription.keys());
    return ResponseEntity.noContent().build();
  }

  /** Only what transport takes: the browser also sends {@code expirationTime}, usually null. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BrowserSubscription(String endpoint, Map<String, String> keys) {}
}
