package org.safebed.platform.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DisclosureCountsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DisclosureCounts counts = new DisclosureCounts(registry);

  private double count(String kind, String outcome) {
    return registry.get(DisclosureCounts.NAME).tag("kind", kind).tag("outcome", outcome).counter().count();
  }

  @Test
  void countsDisclosureDecisionsByKindAndOutcomeOnly() {
    counts.stored(new AuditEntry("svc", "SERVICE", "driver-1", "ADDRESS_DISCLOSED", "shelter", "shelter-9",
        "TRANSPORT_DESTINATION job=job-1", "GRANTED"));
    counts.stored(new AuditEntry("d", "DRIVER", null, "DESTINATION_REQUESTED", "transport-job", "job-1",
        "TRANSPORT_DESTINATION", "REFUSED_BY_OWNER"));
    counts.stored(new AuditEntry("svc", "SERVICE", "o", "SAFETY_CONSTRAINTS_DISCLOSED", "placement", "p-1",
        "REFERRAL", "DENIED"));
    counts.stored(new AuditEntry("svc", "SERVICE", "d", "ACCESS_DENIED", "referral", "r-1",
        "MOVE_DESTINATION job=j", "DENIED"));

    assertThat(count("address", "granted")).isEqualTo(1);
    assertThat(count("address", "denied")).isEqualTo(2);
    assertThat(count("safety-constraints", "denied")).isEqualTo(1);
    assertThat(count("safety-constraints", "granted")).isZero();
  }

  @Test
  void ignoresOtherEntriesAndNeverLabelsWithTheirValues() {
    counts.stored(new AuditEntry("c", "COORDINATOR", null, "CAPACITY_CHANGED", "shelter", "shelter-9", "x", "DONE"));
    counts.stored(new AuditEntry("d", "DRIVER", null, AccessDenials.ACTION, "operation", "GET /api/x", "ROLE", "DENIED"));
    counts.stored(new AuditEntry("d", "DRIVER", null, "DESTINATION_REQUESTED", "transport-job", "j", "T", "OWNER_UNAVAILABLE"));

    assertThat(registry.get(DisclosureCounts.NAME).counters())
        .hasSize(4)
        .allSatisfy(counter -> assertThat(counter.count()).isZero());
  }
}
