package org.safebed.transport.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safebed.transport.domain.Jobs.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementPickupsTest {

  private static final String SECOND_HOLD = "2b7f1c9e-0000-4000-8000-000000000002";

  @Test
  void theCurrentJobIsTheOneNoNewerHoldReplaced() {
    TransportJob first = Jobs.pending("plc-1", false);
    TransportJob second = secondHold();
    first.replaceBy(second.id(), T0.plusSeconds(10));

    PlacementPickups pickups = new PlacementPickups(List.of(second, first));

    assertThat(pickups.current()).containsSame(second);
    assertThat(pickups.causedBy(SECOND_HOLD)).containsSame(second);
    assertThat(pickups.causedBy("held-plc-1")).containsSame(first);
    assertThat(pickups.causedBy("never-seen")).isEmpty();
    assertThat(pickups.missingSuccessor()).isEmpty();
  }

  @Test
  void aReplacementNamedButNotStoredIsMissingAndNoJobIsCurrent() {
    TransportJob first = Jobs.pending("plc-1", false);
    first.replaceBy(secondHold().id(), T0.plusSeconds(10));

    PlacementPickups pickups = new PlacementPickups(List.of(first));

    assertThat(pickups.current()).isEmpty();
    assertThat(pickups.missingSuccessor()).contains(secondHold().id());
  }

  @Test
  void nothingKnownYet() {
    PlacementPickups pickups = new PlacementPickups(List.of());

    assertThat(pickups.isEmpty()).isTrue();
    assertThat(pickups.current()).isEmpty();
  }

  private static TransportJob secondHold() {
    return TransportJob.pickup(
        TransportJob.successorIdFor("plc-1", SECOND_HOLD), "plc-1", SECOND_HOLD, T0.plus(Duration.ofHours(1)),
        "shelter-beta", "central", EscortNeeds.of(false), Jobs.PARIS_PICKUP, Jobs.PARIS_SHELTER_AREA,
        T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(1)));
  }
}
