package org.safebed.console.push;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.ServiceRefusal;
import org.safebed.console.services.TransportApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
@PreAuthorize("hasAnyRole('DRIVER', 'POLICE')")
class PushController {

  private final TransportApi transport;
  private final OccupancyApi occupancy;

  PushController(TransportApi transport, OccupancyApi occupancy) {
    this.transport = transport;
    this.occupancy = occupancy;
  }

  /** 404 when push is off: the page then offers no alerts. */
  @GetMapping("/console/{screen}/push/key")
  ResponseEntity<Map<String, String>> key(@PathVariable String screen) {
    try {
      return ResponseEntity.ok(Map.of("publicKey", devicesOf(screen).publicKey().get()));
    } catch (ServiceRefusal off) {
      return ResponseEntity.notFound().build();
    }
  }

  /** The browser's {@code PushSubscription} as its {@code toJSON()} gives it. */
  @PostMapping("/console/{screen}/push/subscription")
  ResponseEntity<Void> subscribe(@PathVariable String screen, @RequestBody BrowserSubscription subscription) {
    devicesOf(screen).save().accept(subscription.endpoint(), subscription.keys());
    return ResponseEntity.noContent().build();
  }

  /** A driver's screen for drivers, the police screen for police; any other is refused. */
  private Devices devicesOf(String screen) {
    if ("driver".equals(screen) && has("ROLE_DRIVER")) {
      return new Devices(transport::pushPublicKey, transport::savePushSubscription);
    }
    if ("police".equals(screen) && has("ROLE_POLICE")) {
      return new Devices(occupancy::pushPublicKey, occupancy::savePushSubscription);
    }
    throw new AccessDeniedException("not her screen");
  }

  private static boolean has(String authority) {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    return caller != null && caller.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }

  /** The service that alerts one screen's phones. */
  private record Devices(Supplier<String> publicKey, BiConsumer<String, Map<String, String>> save) {}

  /** Only what the services take: the browser also sends {@code expirationTime}, usually null. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record BrowserSubscription(String endpoint, Map<String, String> keys) {}
}
