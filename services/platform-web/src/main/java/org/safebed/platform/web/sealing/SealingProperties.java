package org.safebed.platform.web.sealing;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key base64 of 32 random bytes; from the environment ({@code SAFEBED_SEALING_KEY}) in every
 *     real deployment
 * @param keyId names the key inside each sealed value, for rotation
 * @param previousKeys keys retired by a rotation, by id, still accepted for opening values until
 *     every record has been re-sealed with the current key
 */
@ConfigurationProperties("safebed.sealing")
public record SealingProperties(String key, String keyId, Map<String, String> previousKeys) {
  public SealingProperties {
    keyId = keyId == null || keyId.isBlank() ? "k1" : keyId;
    previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
  }
}
