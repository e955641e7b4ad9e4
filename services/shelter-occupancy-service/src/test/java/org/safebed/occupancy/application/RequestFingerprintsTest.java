package org.safebed.occupancy.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Need;
import org.safebed.occupancy.domain.Person;
import org.safebed.occupancy.domain.PlacementRequest;

class RequestFingerprintsTest {

  private final RequestFingerprints fingerprints = RequestFingerprints.derivedFrom(new byte[32]);
  private final ExclusionZone a = new ExclusionZone(new GeoPoint(48.95, 2.40), 15);
  private final ExclusionZone b = new ExclusionZone(new GeoPoint(48.80, 2.20), 5);

  private PlacementRequest request(int age, Set<Need> needs, List<ExclusionZone> zones) {
    return new PlacementRequest(new Person(age, Gender.FEMALE), needs, new GeoPoint(48.9362, 2.3574), zones);
  }

  @Test
  void theSameRequestInAnotherOrderHasTheSameFingerprint() {
    String one = fingerprints.of(request(14, Set.of(Need.WHEELCHAIR_ACCESS, Need.ADDICTION_SUPPORT), List.of(a, b)), "PJ-1");
    String two = fingerprints.of(request(14, Set.of(Need.ADDICTION_SUPPORT, Need.WHEELCHAIR_ACCESS), List.of(b, a)), "PJ-1");

    assertThat(one).isEqualTo(two);
  }

  @Test
  void anyDifferenceChangesTheFingerprint() {
    String base = fingerprints.of(request(14, Set.of(), List.of(a)), "PJ-1");

    assertThat(fingerprints.of(request(15, Set.of(), List.of(a)), "PJ-1")).isNotEqualTo(base);
    assertThat(fingerprints.of(request(14, Set.of(Need.ACCOMPANYING_CHILD), List.of(a)), "PJ-1")).isNotEqualTo(base);
    assertThat(fingerprints.of(request(14, Set.of(), List.of(a, b)), "PJ-1")).isNotEqualTo(base);
    assertThat(fingerprints.of(request(14, Set.of(), List.of(a)), "PJ-2")).isNotEqualTo(base);
  }

  @Test
  void isKeyedSoADumpCannotConfirmACaseReference() {
    RequestFingerprints otherKey = RequestFingerprints.derivedFrom(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    PlacementRequest request = request(14, Set.of(), List.of(a));

    assertThat(otherKey.of(request, "PJ-1")).isNotEqualTo(fingerprints.of(request, "PJ-1"));
    assertThat(fingerprints.of(request, "PJ-1")).doesNotContain("PJ-1").hasSize(64);
  }
}
