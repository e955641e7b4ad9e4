package org.safebed.console.services;

import java.util.Map;
import org.springframework.http.MediaType;

/** The two Web Push calls every service that alerts devices answers alike (transport, occupancy). */
final class PushKeys {

  private PushKeys() {}

  /** The service's VAPID public key; a refusal (404) when its push is off. */
  static String publicKey(ServiceCalls calls, String path) {
    Map<?, ?> key = calls.call(client -> client.get().uri(path).retrieve().body(Map.class));
    return key == null ? null : String.valueOf(key.get("publicKey"));
  }

  /** The browser's subscription, as the services take it (endpoint and keys only). */
  static void save(ServiceCalls calls, String path, String endpoint, Map<String, String> keys) {
    calls.run(client -> client.put().uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("endpoint", endpoint == null ? "" : endpoint, "keys", keys == null ? Map.of() : keys))
        .retrieve().toBodilessEntity());
  }
}
