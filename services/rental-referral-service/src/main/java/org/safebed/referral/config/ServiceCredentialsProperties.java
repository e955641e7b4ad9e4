package org.safebed.referral.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** This service's own OAuth2 client credentials, for the calls it makes as itself. */
@ConfigurationProperties("safebed.referral.service-credentials")
public record ServiceCredentialsProperties(String tokenUri, String clientId, String clientSecret) {

  @Override
  public String toString() {
    return "ServiceCredentialsProperties[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
