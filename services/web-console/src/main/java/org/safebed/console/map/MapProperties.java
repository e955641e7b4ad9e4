package org.safebed.console.map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The map police may pick a point on. Its tiles come through the console (see {@link MapTiles}),
 * so a deployment points this at its own tile server or a provider whose terms it meets.
 *
 * @param tileUrl the tile server's address with {@code {z}}, {@code {x}} and {@code {y}}; empty
 *     means no map (the form's typed coordinates and the device's location still work)
 * @param attribution the credit the provider's licence requires, shown on the map
 * @param centreLat where the map opens when no point is known yet
 * @param centreLon where the map opens when no point is known yet
 * @param zoom the zoom it opens at
 */
@ConfigurationProperties("safebed.console.map")
public record MapProperties(String tileUrl, String attribution, double centreLat, double centreLon, int zoom) {

  public MapProperties {
    tileUrl = tileUrl == null ? "" : tileUrl.strip();
    attribution = attribution == null ? "" : attribution;
    zoom = zoom <= 0 ? 6 : zoom;
  }

  public boolean enabled() {
    return !tileUrl.isEmpty();
  }
}
