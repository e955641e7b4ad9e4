package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTest {

  private final Eligibility minorGirls =
      new Eligibility(12, 17, Set.of(Gender.FEMALE), false, false, Set.of("fr"), Set.of());

  @Test
  void admitsWithinTheAgeBandInclusive() {
    assertThat(minorGirls.admits(new Person(12, Gender.FEMALE), Set.of())).isTrue();
    assertThat(minorGirls.admits(new Person(17, Gender.FEMALE), Set.of())).isTrue();
    assertThat(minorGirls.admits(new Person(11, Gender.FEMALE), Set.of())).isFalse();
    assertThat(minorGirls.admits(new Person(18, Gender.FEMALE), Set.of())).isFalse();
  }

  @Test
  void admitsOnlyTheGendersItTakes() {
    assertThat(minorGirls.admits(new Person(14, Gender.MALE), Set.of())).isFalse();
    assertThat(minorGirls.admits(new Person(14, Gender.NON_BINARY), Set.of())).isFalse();
  }

  @Test
  void everyNeedMustBeCovered() {
    Eligibility full = new Eligibility(12, 21, Set.of(Gender.FEMALE), true, true, Set.of(),
        Set.of(Specialism.ADDICTION, Specialism.MENTAL_HEALTH, Specialism.PREGNANCY));
    Person her = new Person(16, Gender.FEMALE);

    assertThat(full.admits(her, Set.of(Need.values()))).isTrue();
    assertThat(minorGirls.admits(her, Set.of(Need.ACCOMPANYING_CHILD))).isFalse();
    assertThat(minorGirls.admits(her, Set.of(Need.WHEELCHAIR_ACCESS))).isFalse();
    assertThat(minorGirls.admits(her, Set.of(Need.ADDICTION_SUPPORT))).isFalse();
    Eligibility addiction = new Eligibility(12, 17, Set.of(Gender.FEMALE), false, false, Set.of(),
        Set.of(Specialism.ADDICTION));
    assertThat(addiction.admits(her, Set.of(Need.ADDICTION_SUPPORT))).isTrue();
    assertThat(addiction.admits(her, Set.of(Need.ADDICTION_SUPPORT, Need.MENTAL_HEALTH_SUPPORT))).isFalse();
  }

  @Test
  void refusesInconsistentBands() {
    assertThatThrownBy(() -> new Eligibility(18, 12, Set.of(Gender.FEMALE), false, false, null, null))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Eligibility(12, 17, Set.of(), false, false, null, null))
        .isInstanceOf(InvalidValueException.class);
  }
}
