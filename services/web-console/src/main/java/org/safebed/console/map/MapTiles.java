package org.safebed.console.map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.safebed.platform.web.client.OutboundBreakers;
import org.safebed.platform.web.client.OutboundHttp;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Map tiles, fetched by the console rather than by the officer's phone. The tile provider then
 * sees neither her device's address nor the page she is on, and the pages' Content-Security-Policy
 * keeps images to SafeBed's own origin. Never with anyone's token; behind its own breaker, so a
 * provider that is down costs a grey map, not a slow form; the last tiles asked for are kept, as
 * the same few are asked for again and again in one area.
 */
@Component
public class MapTiles {

  static final int MAX_ZOOM = 19;
  private static final int KEPT = 300;
  private static final Duration CONNECT = Duration.ofSeconds(2);
  private static final Duration READ = Duration.ofSeconds(5);

  private final MapProperties map;
  private final RestClient client;
  private final CircuitBreaker breaker;
  private final Map<String, byte[]> kept = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
      return size() > KEPT;
    }
  };

  MapTiles(MapProperties map, CircuitBreakerRegistry breakers) {
    this.map = map;
    this.client = RestClient.builder()
        .requestFactory(OutboundHttp.requestFactory(CONNECT, READ))
        // Tile providers' usage policies ask to be told who is asking.
        .defaultHeader(HttpHeaders.USER_AGENT, "SafeBed-console (+https://github.com/safebed)")
        .build();
    this.breaker = breakers.circuitBreaker("map-tiles", OutboundBreakers
        .countBased(20, 10, 50f, Duration.ofSeconds(30))
        .permittedNumberOfCallsInHalfOpenState(2)
        .build());
  }

  /** Whether (z, x, y) names a tile that exists. */
  static boolean exists(int z, int x, int y) {
    return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z);
  }

  /** The tile's PNG, or empty when the map is off or its provider cannot give it now. */
  public Optional<byte[]> tile(int z, int x, int y) {
    if (!map.enabled() || !exists(z, x, y)) {
      return Optional.empty();
    }
    String url = map.tileUrl().replace("{z}", Integer.toString(z)).replace("{x}", Integer.toString(x))
        .replace("{y}", Integer.toString(y));
    synchronized (kept) {
      byte[] known = kept.get(url);
      if (known != null) {
        return Optional.of(known);
      }
    }
    try {
      byte[] image = breaker.executeSupplier(() -> client.get().uri(url).retrieve().body(byte[].class));
      if (image == null || image.length == 0) {
        return Optional.empty();
      }
      synchronized (kept) {
        kept.put(url, image);
      }
      return Optional.of(image);
    } catch (CallNotPermittedException | RestClientException unavailable) {
      return Optional.empty();
    }
  }
}
