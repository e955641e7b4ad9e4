package org.safebed.occupancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransportProgressTest {

  private final Instant t1 = Instant.parse("2026-11-22T18:00:00Z");
  private final Instant t2 = t1.plusSeconds(60);
  private final Instant t3 = t1.plusSeconds(120);
  private final Instant t4 = t1.plusSeconds(180);

  @Test
  void followsTheNormalOrder() {
    TransportProgress progress = TransportProgress.NONE
        .assigned("job", "d1", 20, t1)
        .progressed("job", TransportStatus.PICKED_UP, t2)
        .progressed("job", TransportStatus.DELIVERED, t3);

    assertThat(progress.status()).isEqualTo(TransportStatus.DELIVERED);
    assertThat(progress.driverId()).isEqualTo("d1");
    assertThat(progress.etaMinutes()).isEqualTo(20);
  }

  @Test
  void aLateAssignmentDoesNotRegressButStillNamesTheDriver() {
    TransportProgress progress = TransportProgress.NONE
        .progressed("job", TransportStatus.DELIVERED, t3)
        .assigned("job", "d1", 20, t1)
        .progressed("job", TransportStatus.PICKED_UP, t2);

    assertThat(progress.status()).isEqualTo(TransportStatus.DELIVERED);
    assertThat(progress.driverId()).isEqualTo("d1");
  }

  @Test
  void duplicatesChangeNothing() {
    TransportProgress once = TransportProgress.NONE.assigned("job", "d1", 20, t1);

    assertThat(once.assigned("job", "d1", 20, t1)).isEqualTo(once);
    TransportProgress picked = once.progressed("job", TransportStatus.PICKED_UP, t2);
    assertThat(picked.progressed("job", TransportStatus.PICKED_UP, t2)).isEqualTo(picked);
  }

  @Test
  void failureIsLeftOnlyByANewerAssignment() {
    TransportProgress failed = TransportProgress.NONE
        .assigned("job", "d1", 20, t1)
        .progressed("job", TransportStatus.FAILED, t2);
    assertThat(failed.status()).isEqualTo(TransportStatus.FAILED);

    assertThat(failed.assigned("job", "d1", 20, t1).status()).as("the old assignment, redelivered")
        .isEqualTo(TransportStatus.FAILED);
    TransportProgress replanned = failed.assigned("job", "d2", 35, t3);
    assertThat(replanned.status()).isEqualTo(TransportStatus.ASSIGNED);
    assertThat(replanned.driverId()).isEqualTo("d2");
    assertThat(replanned.isUnderwayWith("d2", "job")).isTrue();
    assertThat(replanned.isUnderwayWith("d1", "job")).isFalse();
  }

  @Test
  void aFailureBeforeItsAssignmentArrivedStaysAFailure() {
    TransportProgress progress = TransportProgress.NONE
        .progressed("job", TransportStatus.FAILED, t2)
        .assigned("job", "d1", 20, t1);

    assertThat(progress.status()).isEqualTo(TransportStatus.FAILED);
    assertThat(progress.isUnderwayWith("d1", "job")).isFalse();
  }

  @Test
  void aDeliveredTransportDoesNotFailAfterwards() {
    TransportProgress delivered = TransportProgress.NONE
        .assigned("job", "d1", 20, t1)
        .progressed("job", TransportStatus.DELIVERED, t3);

    assertThat(delivered.progressed("job", TransportStatus.FAILED, t4).status()).isEqualTo(TransportStatus.DELIVERED);
  }

  @Test
  void eventsOfAReplacedJobAreIgnored() {
    TransportProgress second = TransportProgress.NONE
        .assigned("job-1", "d1", 20, t1)
        .assigned("job-2", "d2", 25, t3);
    assertThat(second.jobId()).isEqualTo("job-2");
    assertThat(second.status()).isEqualTo(TransportStatus.ASSIGNED);

    TransportProgress afterStale = second.progressed("job-1", TransportStatus.FAILED, t2);

    assertThat(afterStale).isEqualTo(second);
  }
}
