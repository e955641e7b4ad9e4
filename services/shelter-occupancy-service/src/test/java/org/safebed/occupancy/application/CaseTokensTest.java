package org.safebed.occupancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTokensTest {

  private final CaseTokens tokens = CaseTokens.derivedFrom(new byte[32]);

  @Test
  void sameReferenceSameTokenWhateverCaseOrBlanks() {
    assertThat(tokens.of(" pj-2026-0042 ")).isEqualTo(tokens.of("PJ-2026-0042"));
    assertThat(tokens.of("PJ-2026-0042")).isNotEqualTo(tokens.of("PJ-2026-0043"));
  }

  @Test
  void tokensRevealNothingAndDependOnTheKey() {
    String token = tokens.of("PJ-2026-0042");
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;

    assertThat(token).doesNotContain("2026").hasSize(64);
    assertThat(CaseTokens.derivedFrom(otherKey).of("PJ-2026-0042")).isNotEqualTo(token);
    assertThat(tokens.of(List.of("A", "a", "B"))).hasSize(2);
  }
}
