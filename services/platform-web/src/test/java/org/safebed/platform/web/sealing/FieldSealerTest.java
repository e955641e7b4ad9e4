package org.safebed.platform.web.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class FieldSealerTest {

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private final FieldSealer sealer = new FieldSealer(randomKey(), "k1");

  @Test
  void sealedValueOpensOnlyForItsDocumentAndField() {
    String sealed = sealer.seal("7 Impasse Fictive, Synthville", "shelter-1", "address");

    assertThat(sealed).startsWith("v1:k1:").doesNotContain("Impasse").doesNotContain("Synthville");
    assertThat(sealer.unseal(sealed, "shelter-1", "address")).isEqualTo("7 Impasse Fictive, Synthville");
    assertThatThrownBy(() -> sealer.unseal(sealed, "shelter-2", "address"))
        .isInstanceOf(FieldSealer.SealedValueException.class);
    assertThatThrownBy(() -> sealer.unseal(sealed, "shelter-1", "location"))
        .isInstanceOf(FieldSealer.SealedValueException.class);
  }

  @Test
  void sameValueSealsDifferentlyEachTime() {
    assertThat(sealer.seal("x", "d", "f")).isNotEqualTo(sealer.seal("x", "d", "f"));
  }

  @Test
  void tamperedOrForeignKeyValuesDoNotOpen() {
    String sealed = sealer.seal("secret", "d", "f");
    String[] parts = sealed.split(":", 3);
    byte[] bytes = java.util.Base64.getDecoder().decode(parts[2]);
    bytes[bytes.length / 2] ^= 0x01;
    String tampered = parts[0] + ":" + parts[1] + ":" + java.util.Base64.getEncoder().encodeToString(bytes);

    assertThatThrownBy(() -> sealer.unseal(tampered, "d", "f")).isInstanceOf(FieldSealer.SealedValueException.class);
    assertThatThrownBy(() -> new FieldSealer(randomKey(), "k1").unseal(sealed, "d", "f"))
        .isInstanceOf(FieldSealer.SealedValueException.class);
    assertThatThrownBy(() -> new FieldSealer(randomKey(), "k2").unseal(sealed, "d", "f"))
        .hasMessageContaining("k1");
  }

  @Test
  void rotationKeepsOldValuesReadableAndResealsThemWithTheNewKey() {
    byte[] oldKey = randomKey();
    byte[] newKey = randomKey();
    FieldSealer before = new FieldSealer(oldKey, "k1");
    String sealedBefore = before.seal("3 Chemin Imaginaire", "shelter-9", "address");

    FieldSealer during = new FieldSealer("k2", java.util.Map.of("k1", oldKey, "k2", newKey));
    assertThat(during.unseal(sealedBefore, "shelter-9", "address")).isEqualTo("3 Chemin Imaginaire");
    assertThat(during.needsResealing(sealedBefore)).isTrue();
    String resealed = during.reseal(sealedBefore, "shelter-9", "address");
    assertThat(resealed).startsWith("v1:k2:");
    assertThat(during.needsResealing(resealed)).isFalse();
    assertThat(during.seal("x", "d", "f")).startsWith("v1:k2:");

    FieldSealer after = new FieldSealer(newKey, "k2");
    assertThat(after.unseal(resealed, "shelter-9", "address")).isEqualTo("3 Chemin Imaginaire");
    assertThatThrownBy(() -> after.unseal(sealedBefore, "shelter-9", "address"))
        .isInstanceOf(FieldSealer.SealedValueException.class);
  }

  @Test
  void refusesKeysThatAreNotAes256() {
    assertThatThrownBy(() -> new FieldSealer(new byte[16], "k1")).isInstanceOf(IllegalArgumentException.class);
  }
}
