package org.safebed.transport.config;

/**
 * A SafeBed service that owns addresses and answers transport's audited look-ups.
 *
 * @param baseUrl e.g. {@code http://localhost:8081}
 */
public record OwnerProperties(String baseUrl, Resilience resilience) {

  public OwnerProperties {
    resilience = resilience == null ? Resilience.defaults() : resilience;
  }
}
