package org.safebed.platform.web.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code safebed.disclosures} (Prometheus {@code safebed_disclosures_total}): sealed facts opened
 * or refused, by {@code kind} ({@code address}, {@code safety-constraints}) and {@code outcome}
 * ({@code granted}, {@code denied}), counted from the audit entries that record them. Labels come
 * from fixed lists, never from the entry's ids or purpose; every combination exists from the start
 * (at zero) so a rate or an alert has a series before the first disclosure.
 */
public final class DisclosureCounts {

  public static final String NAME = "safebed.disclosures";

  private static final Map<String, String> KIND_BY_ACTION = Map.of(
      "ADDRESS_DISCLOSED", "address",
      "DESTINATION_REQUESTED", "address",
      "PICKUP_REQUESTED", "address",
      "SAFETY_CONSTRAINTS_DISCLOSED", "safety-constraints");
  private static final Map<String, String> OUTCOMES = Map.of(
      "GRANTED", "granted", "DENIED", "denied", "REFUSED_BY_OWNER", "denied");

  private final MeterRegistry registry;

  public DisclosureCounts(MeterRegistry registry) {
    this.registry = registry;
    for (String kind : KIND_BY_ACTION.values()) {
      for (String outcome : OUTCOMES.values()) {
        counter(kind, outcome);
      }
    }
  }

  /** Counts the entry if it records a disclosure decision; ignores every other entry. */
  public void stored(AuditEntry entry) {
    kind(entry).ifPresent(kind -> {
      String outcome = OUTCOMES.get(entry.outcome().toUpperCase(Locale.ROOT));
      if (outcome != null) {
        counter(kind, outcome).increment();
      }
    });
  }

  static Optional<String> kind(AuditEntry entry) {
    String kind = KIND_BY_ACTION.get(entry.action());
    // Rental referral audits a refused move destination as a denial of the referral's address.
    if (kind == null && AccessDenials.ACTION.equals(entry.action()) && entry.purpose() != null
        && entry.purpose().startsWith("MOVE_DESTINATION")) {
      kind = "address";
    }
    return Optional.ofNullable(kind);
  }

  private Counter counter(String kind, String outcome) {
    return Counter.builder(NAME)
        .description("Sealed facts (addresses, safety constraints) disclosed or refused")
        .tag("kind", kind)
        .tag("outcome", outcome)
        .register(registry);
  }
}
