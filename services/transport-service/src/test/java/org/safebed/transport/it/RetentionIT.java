package org.safebed.transport.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.TestTokens;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.retention.RetentionProperties;
import org.safebed.platform.web.retention.RetentionSweep;
import org.safebed.platform.web.retention.RetentionTask;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Finished jobs lose what they say about the person moved once the retention period has passed
 * (the sweep runs here with a clock a day past it); live jobs keep it.
 */
class RetentionIT extends TransportScenario {

  @Autowired List<RetentionTask> tasks;
  @Autowired AuditTrail audit;
  @Autowired RetentionProperties retention;

  private Document jobDocument(String placementId) {
    return mongo.getCollection("transport_jobs").find(new Document("_id", jobId(placementId))).first();
  }

  @Test
  void aFinishedJobLosesWhereSheWasAndWhoSheIsAfterThePeriodAndALiveOneKeepsIt() {
    String subject = "drv-retention-" + suffix();
    String driverId = driver(subject, 48.87, 2.36, true);
    String finished = newPlacementId();
    bedHeld(finished, true);
    awaitJob(finished, "OFFERED");
    http.post("/api/transport/jobs/" + jobId(finished) + "/accept", TestTokens.driver(subject));
    http.post("/api/transport/jobs/" + jobId(finished) + "/pick-up", TestTokens.driver(subject));
    placementEvent("placement.checked-in.v1", finished);
    awaitJob(finished, "COMPLETED");
    String live = newPlacementId();
    bedHeld(live, true);
    awaitJob(live, "OFFERED");

    Clock afterThePeriod = Clock.offset(clock, retention.closedCasePeriod().plus(Duration.ofDays(1)));
    RetentionSweep.Result result = new RetentionSweep(tasks, audit, retention, afterThePeriod).sweep();

    assertThat(result.removed()).containsEntry("transport_job", 1);
    Document raw = jobDocument(finished);
    assertThat(raw).doesNotContainKeys("pickupArea", "destinationArea", "minor", "languages", "escortGender")
        .containsKey("anonymisedAt");
    assertThat(raw.toJson()).doesNotContain("48.86").doesNotContain("2.35");
    assertThat(raw.getString("status")).isEqualTo("COMPLETED");
    assertThat(raw.getString("driverId")).isEqualTo(driverId);
    JsonNode read = awaitJob(finished, "COMPLETED");
    assertThat(read.path("placementId").asString()).isEqualTo(finished);
    assertThat(auditOf(jobId(finished))).anySatisfy(entry -> assertThat(entry).contains("PERSONAL_DATA_ANONYMISED"));
    assertThat(jobDocument(live)).containsKeys("pickupArea", "destinationArea").doesNotContainKey("anonymisedAt");
    assertThat(audit.verify().intact()).isTrue();
  }
}
