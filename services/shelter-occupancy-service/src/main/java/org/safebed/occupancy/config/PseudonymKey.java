package org.safebed.occupancy.config;

import java.util.Base64;
import org.safebed.platform.web.sealing.SealingProperties;

/**
 * The key behind the service's pseudonyms: keep-apart tokens of case references and idempotency
 * fingerprints of requests. Unlike a sealed value, a pseudonym cannot be re-computed after the fact
 * (a request's keep-apart references are kept only as tokens), so this key must never change while
 * placements that use it are open.
 *
 * <p>That is why it is separate from the sealing key, which is rotated: {@code SAFEBED_PSEUDONYM_KEY}
 * (base64 of 32 bytes). A deployment that has not set it derives its pseudonyms from the sealing
 * key, as earlier versions did; it must set the pseudonym key to that (old) sealing key before a
 * rotation, and a start with previous sealing keys but no pseudonym key is refused, because keep-apart
 * rules between placements made before and after the rotation would silently stop matching.
 */
final class PseudonymKey {

  private PseudonymKey() {}

  static byte[] resolve(String pseudonymKey, SealingProperties sealing) {
    if (pseudonymKey != null && !pseudonymKey.isBlank()) {
      return decode(pseudonymKey, "safebed.occupancy.pseudonym-key (SAFEBED_PSEUDONYM_KEY)");
    }
    if (!sealing.previousKeys().isEmpty()) {
      throw new IllegalStateException("a sealing key rotation is configured (safebed.sealing.previous-keys) but "
          + "safebed.occupancy.pseudonym-key (SAFEBED_PSEUDONYM_KEY) is not set: keep-apart tokens and "
          + "idempotency fingerprints would change with the key. Set it to the sealing key in use before the "
          + "rotation (see the README, 'Rotating the sealing key').");
    }
    if (sealing.key() == null || sealing.key().isBlank()) {
      // Fail at start-up, not at the first request: addresses cannot be stored without the key.
      throw new IllegalStateException("safebed.sealing.key (SAFEBED_SEALING_KEY, base64 of 32 bytes) must be set");
    }
    return decode(sealing.key(), "safebed.sealing.key (SAFEBED_SEALING_KEY)");
  }

  private static byte[] decode(String base64, String setting) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not base64");
    }
    if (key.length != 32) {
      throw new IllegalStateException(setting + " must be 32 bytes, base64-encoded");
    }
    return key;
  }
}
