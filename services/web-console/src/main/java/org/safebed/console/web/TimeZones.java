package org.safebed.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The zone a person reads times in: the one her account states (the OpenID {@code zoneinfo}
 * claim), else the one her browser runs in (relayed by the gateway from a cookie the page sets),
 * else the console's default. A name that is not a known zone counts as none.
 */
final class TimeZones {

  /** The gateway's relay of the browser's zone; any copy the browser sent itself is dropped there. */
  static final String HEADER = "X-SafeBed-Time-Zone";

  private TimeZones() {}

  static ZoneId of(HttpServletRequest request, ZoneId fallback) {
    return known(accountZone()).or(() -> known(request.getHeader(HEADER))).orElse(fallback);
  }

  private static String accountZone() {
    return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
        ? token.getToken().getClaimAsString("zoneinfo") : null;
  }

  private static Optional<ZoneId> known(String name) {
    if (name == null || name.isBlank() || name.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException unknown) {
      return Optional.empty();
    }
  }
}
