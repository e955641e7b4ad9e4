package org.safebed.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriverRankingTest {

  private final Driver near = Jobs.driver("near", 48.861, 2.351, true);
  private final Driver middle = Jobs.driver("middle", 48.90, 2.40, true);
  private final Driver far = Jobs.driver("far", 43.30, 5.37, true);

  @Test
  void nearestToThePickupComesFirst() {
    TransportJob job = Jobs.pending("plc-1", false);

    assertThat(DriverRanking.forJob(job, List.of(far, near, middle)))
        .extracting(Driver::id)
        .containsExactly("near", "middle", "far");
  }

  @Test
  void aMinorIsNeverOfferedToADriverWhoMayNotEscortMinors() {
    Driver nearestButNoMinors = Jobs.driver("no-minors", 48.86, 2.35, false);
    TransportJob minor = Jobs.pending("plc-1", true);
    TransportJob adult = Jobs.pending("plc-2", false);

    assertThat(DriverRanking.forJob(minor, List.of(nearestButNoMinors, far))).extracting(Driver::id).containsExactly("far");
    assertThat(DriverRanking.forJob(adult, List.of(nearestButNoMinors, far)))
        .extracting(Driver::id)
        .containsExactly("no-minors", "far");
  }

  @Test
  void unvettedOffDutyBusyAndDecliningDriversAreLeftOut() {
    Driver unvetted = new Driver("unvetted", "a1", false, Gender.MALE, Set.of(), true, near.base(), true, null, null);
    Driver offDuty = new Driver("off", "a2", true, Gender.MALE, Set.of(), true, near.base(), false, null, null);
    Driver busy = new Driver("busy", "a3", true, Gender.MALE, Set.of(), true, near.base(), true, "job-x", Jobs.T0);
    TransportJob job = Jobs.offered("plc-1", near);
    job.decline("acct-near", Jobs.T0);

    assertThat(DriverRanking.forJob(job, List.of(unvetted, offDuty, busy, near, far)))
        .extracting(Driver::id)
        .containsExactly("far");
  }
}
