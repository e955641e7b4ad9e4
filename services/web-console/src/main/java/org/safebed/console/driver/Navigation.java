package org.safebed.console.driver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links that open the phone's navigation at a point or an address: a {@code geo:} link (Android
 * and most navigation apps) and a map link for phones that do not take {@code geo:}. Built when the
 * page is drawn and never stored.
 */
public record Navigation(String geo, String map) {

  public static Navigation toPoint(double lat, double lon) {
    String point = String.format(Locale.ROOT, "%.6f,%.6f", lat, lon);
    return new Navigation("geo:" + point + "?q=" + point,
        "https://www.openstreetmap.org/directions?to=" + point);
  }

  public static Navigation toAddress(String address) {
    String query = URLEncoder.encode(address, StandardCharsets.UTF_8);
    return new Navigation("geo:0,0?q=" + query, "https://www.openstreetmap.org/search?query=" + query);
  }
}
