package org.safebed.occupancy.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This service's own OAuth2 client credentials, for internal calls it makes as itself (travel
 * estimates from transport).
 */
@ConfigurationProperties("safebed.occupancy.service-credentials")
public record ServiceCredentialsProperties(String tokenUri, String clientId, String clientSecret) {

  @Override
  public String toString() {
    return "ServiceCredentialsProperties[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
