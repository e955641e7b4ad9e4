package org.safebed.transport.config;

import org.safebed.platform.web.client.OutboundGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The routing provider (OSRM-compatible {@code /route/v1/driving}).
 *
 * @param baseUrl e.g. {@code http://localhost:5000}
 */
@ConfigurationProperties("safebed.transport.routing")
public record RoutingProperties(String baseUrl, OutboundGuard.Settings resilience) {

  public RoutingProperties {
    baseUrl = baseUrl == null ? "http://localhost:5000" : baseUrl;
    resilience = resilience == null ? OutboundGuard.Settings.defaults() : resilience;
  }
}
