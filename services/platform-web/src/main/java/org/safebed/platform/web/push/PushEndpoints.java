package org.safebed.platform.web.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.safebed.platform.web.problem.ApiException;

/**
 * Which endpoints this service will call. A subscription's endpoint is a URL the caller chooses and
 * this service later POSTs to, so it must be a known push service (https, default port, a host of
 * the allow-list), never an address inside the network.
 */
public class PushEndpoints {

  private final List<String> allowedHosts;
  private final List<String> testOrigins;

  public PushEndpoints(PushProperties properties) {
    this.allowedHosts = properties.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.testOrigins = properties.testOrigins().stream().map(o -> o.replaceAll("/+$", "")).toList();
  }

  /** The endpoint if this service may call it; 400 otherwise (saying which rule, never echoing it). */
  public URI check(String endpoint) {
    URI uri = parse(endpoint);
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getHost() == null) {
      throw refused();
    }
    if (testOrigins.contains(origin(uri))) {
      return uri;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean https = "https".equals(uri.getScheme()) && (uri.getPort() == -1 || uri.getPort() == 443);
    if (!https || allowedHosts.stream().noneMatch(allowed -> matches(allowed, host))) {
      throw refused();
    }
    return uri;
  }

  /** {@code scheme://host[:port]}, as the VAPID audience is built. */
  public static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static boolean matches(String allowed, String host) {
    return allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host);
  }

  private static URI parse(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      if (!uri.isAbsolute() || uri.isOpaque()) {
        throw refused();
      }
      return uri;
    } catch (URISyntaxException e) {
      throw refused();
    }
  }

  private static ApiException refused() {
    return ApiException.badRequest("The endpoint must be https on a push service SafeBed sends alerts to");
  }
}
