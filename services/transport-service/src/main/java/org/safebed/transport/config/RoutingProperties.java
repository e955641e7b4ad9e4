package org.safebed.transport.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The routing provider (OSRM-compatible {@code /route/v1/driving}).
 *
 * @param baseUrl e.g. {@code http://localhost:5000}
 */
@ConfigurationProperties("safebed.transport.routing")
public record RoutingProperties(String baseUrl, Resilience resilience) {

  public RoutingProperties {
    baseUrl = baseUrl == null ? "http://localhost:5000" : baseUrl;
    resilience = resilience == null ? Resilience.defaults() : resilience;
  }
}
