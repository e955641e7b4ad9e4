package org.safebed.transport.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where destination addresses are looked up.
 *
 * @param occupancy shelter occupancy: the shelter of a pick-up
 * @param referral rental referral: the unit of a move
 */
@ConfigurationProperties("safebed.transport")
public record AddressOwnersProperties(OwnerProperties occupancy, OwnerProperties referral) {

  public AddressOwnersProperties {
    occupancy = occupancy == null ? new OwnerProperties("http://localhost:8081", null) : occupancy;
    referral = referral == null ? new OwnerProperties("http://localhost:8083", null) : referral;
  }
}
