package org.safebed.transport.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.EtaSource;
import org.safebed.transport.domain.Gender;
import org.safebed.transport.domain.GeoPoint;
import org.safebed.transport.domain.JobKind;
import org.safebed.transport.domain.JobStatus;
import org.safebed.transport.domain.TransportJob;
import org.safebed.transport.domain.TravelTime;
import org.safebed.transport.domain.UnassignedReason;

/**
 * A stored job reads back as it was written. Every field holds a value of its own (no two alike),
 * so that a field read into its neighbour of the same type fails here rather than in a rare flow.
 */
class JobDocumentsTest {

  private static final Instant T0 = Instant.parse("2026-11-22T18:00:00Z");

  @Test
  void aJobWithEveryFieldSetReadsBackAsItWasWritten() {
    TransportJob job = everyFieldSet();

    TransportJob restored = JobDocuments.job(stored(job));

    // The excluded drivers are a set: the order they are stored in says nothing.
    assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(job);
  }

  @Test
  void theStoredFieldsAreTheOnesQueriesAndOtherReadersKnow() {
    assertThat(JobDocuments.state(everyFieldSet()).keySet()).containsExactly(
        "kind", "placementId", "shelterId", "region", "minor", "escortGender", "languages", "pickupArea",
        "destinationArea", "holdExpiresAt", "referralId", "dueAt", "heldEventId", "heldAt", "status", "driverId",
        "driverSubject", "etaMinutes", "etaSource", "offerExpiresAt", "deliveredAt", "unassignedReason",
        "excludedDriverIds", "endedAt", "successorId", "createdAt", "updatedAt");
  }

  /** As Mongo hands it back: the state with the id and the version the repository adds. */
  private static Document stored(TransportJob job) {
    return JobDocuments.state(job).append("_id", job.id()).append("version", job.version());
  }

  private static TransportJob everyFieldSet() {
    TransportJob.Draft job = new TransportJob.Draft();
    job.id = "job-plc-1";
    job.kind = JobKind.MOVE;
    job.placementId = "plc-1";
    job.shelterId = "shelter-alpha";
    job.region = "central";
    job.escort = new EscortNeeds(true, Gender.FEMALE, Set.of("fr", "nl"));
    job.pickupArea = new GeoPoint(48.86, 2.35);
    job.destinationArea = new GeoPoint(48.85, 2.40);
    job.holdExpiresAt = T0.plusSeconds(1);
    job.referralId = "ref-1";
    job.dueAt = T0.plusSeconds(2);
    job.heldEventId = "held-1";
    job.heldAt = T0.plusSeconds(3);
    job.status = JobStatus.DELIVERED;
    job.driverId = "drv-anna";
    job.driverSubject = "acct-anna";
    job.eta = new TravelTime(25, EtaSource.ROUTING);
    job.offerExpiresAt = T0.plusSeconds(4);
    job.deliveredAt = T0.plusSeconds(5);
    job.unassignedReason = UnassignedReason.NO_DRIVER;
    job.excludedDriverIds = Set.of("drv-ben", "drv-cleo");
    job.endedAt = T0.plusSeconds(6);
    job.successorId = "job-plc-1-next";
    job.createdAt = T0;
    job.updatedAt = T0.plusSeconds(7);
    job.version = 7;
    return job.build();
  }
}
