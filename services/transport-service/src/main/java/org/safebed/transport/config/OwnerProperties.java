package org.safebed.transport.config;

import org.safebed.platform.web.client.OutboundGuard;

/**
 * A SafeBed service that owns addresses and answers transport's audited look-ups.
 *
 * @param baseUrl e.g. {@code http://localhost:8081}
 */
public record OwnerProperties(String baseUrl, OutboundGuard.Settings resilience) {

  public OwnerProperties {
    resilience = resilience == null ? OutboundGuard.Settings.defaults() : resilience;
  }
}
