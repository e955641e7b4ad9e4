package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementRequestTest {

  private static PlacementRequest her(EscortGender escort) {
    return new PlacementRequest(new Person(14, Gender.FEMALE), Set.of(), new GeoPoint(48.9362, 2.3574), List.of(),
        Set.of(), Set.of("ro"), Set.of(), null, Urgency.NORMAL, escort);
  }

  @Test
  void anEscortGenderMakesADifferentRequestAndNoneLeavesOlderOnesAsTheyWere() {
    assertThat(her(EscortGender.FEMALE).canonicalForm()).isNotEqualTo(her(EscortGender.MALE).canonicalForm())
        .isNotEqualTo(her(null).canonicalForm());
    assertThat(her(null).canonicalForm()).doesNotContain("escort");
  }

  @Test
  void thePickUpAreaIsWhereSheIsRoundedAsTransportLearnsIt() {
    assertThat(her(null).pickupArea()).isEqualTo(new GeoPoint(48.94, 2.36));
  }
}
