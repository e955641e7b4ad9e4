package org.safebed.occupancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.CaseTokens;
import org.safebed.platform.web.sealing.SealingProperties;

class PseudonymKeyTest {

  // Synthetic test keys (bytes 0..31 and 32..63).
  private static final String FIRST = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String SECOND = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  @Test
  void keepApartTokensSurviveASealingKeyRotationWhenThePseudonymKeyIsSetToTheOldKey() {
    SealingProperties beforeRotation = new SealingProperties(FIRST, "k1", Map.of());
    SealingProperties duringRotation = new SealingProperties(SECOND, "k2", Map.of("k1", FIRST));
    SealingProperties afterRotation = new SealingProperties(SECOND, "k2", Map.of());

    String before = CaseTokens.derivedFrom(PseudonymKey.resolve("", beforeRotation)).of("PJ-2026-0042");

    assertThat(CaseTokens.derivedFrom(PseudonymKey.resolve(FIRST, duringRotation)).of("PJ-2026-0042")).isEqualTo(before);
    assertThat(CaseTokens.derivedFrom(PseudonymKey.resolve(FIRST, afterRotation)).of("PJ-2026-0042")).isEqualTo(before);
    assertThat(CaseTokens.derivedFrom(PseudonymKey.resolve("", afterRotation)).of("PJ-2026-0042"))
        .as("without the pseudonym key the tokens would change").isNotEqualTo(before);
  }

  @Test
  void aRotationWithoutAPseudonymKeyIsRefusedAtStartUp() {
    SealingProperties duringRotation = new SealingProperties(SECOND, "k2", Map.of("k1", FIRST));

    assertThatIllegalStateException().isThrownBy(() -> PseudonymKey.resolve(null, duringRotation))
        .withMessageContaining("SAFEBED_PSEUDONYM_KEY")
        .withMessageNotContaining(FIRST).withMessageNotContaining(SECOND);
  }

  @Test
  void aMalformedKeyIsRefusedWithoutShowingIt() {
    SealingProperties sealing = new SealingProperties(FIRST, "k1", Map.of());

    assertThatIllegalStateException().isThrownBy(() -> PseudonymKey.resolve("c2hvcnQ=", sealing))
        .withMessageContaining("32 bytes").withMessageNotContaining("c2hvcnQ=");
    assertThatIllegalStateException().isThrownBy(() -> PseudonymKey.resolve("not base64!", sealing))
        .withMessageContaining("not base64");
    assertThatIllegalStateException().isThrownBy(() -> PseudonymKey.resolve(null, new SealingProperties("", "k1", null)))
        .withMessageContaining("SAFEBED_SEALING_KEY");
  }
}
