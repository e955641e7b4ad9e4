package org.safebed.transport.config;

import org.safebed.platform.web.client.OutboundGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Transport's own OAuth2 client credentials, for internal calls made as the service.
 *
 * @param scope requested scope, or blank for the client's default
 */
@ConfigurationProperties("safebed.transport.service-credentials")
public record ServiceCredentialsProperties(
    String tokenUri, String clientId, String clientSecret, String scope, OutboundGuard.Settings resilience) {

  public ServiceCredentialsProperties {
    resilience = resilience == null ? OutboundGuard.Settings.defaults() : resilience;
  }

  @Override
  public String toString() {
    return "ServiceCredentialsProperties[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***]";
  }
}
