package org.safebed.platform.web.sealing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of 32 random bytes; from the environment ({@code SAFEBED_SEALING_KEY}) in every
 *     real deployment
 * @param keyId names the key inside each sealed value, for rotation
 */
@ConfigurationProperties("safebed.sealing")
public record SealingProperties(String key, String keyId) {
  public SealingProperties {
    keyId = keyId == null || keyId.isBlank() ? "k1" : keyId;
  }
}
