package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A referral as her agency's officers see it: her needs and preferred regions, and only the
 * number of her exclusion zones and keep-apart references, never where or who they are.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Referral(
    String id, String placementId, String status, String priority, List<String> needs,
    List<String> preferredRegions, int exclusionZoneCount, int keepApartRefCount, Offer offer,
    LocalDate moveInDate, String unitId, String closedReason, List<Step> steps, List<Decline> declines,
    boolean stalled, Instant createdAt, Instant lastProgressAt) {

  public Referral {
    needs = needs == null ? List.of() : List.copyOf(needs);
    preferredRegions = preferredRegions == null ? List.of() : List.copyOf(preferredRegions);
    steps = steps == null ? List.of() : List.copyOf(steps);
    declines = declines == null ? List.of() : List.copyOf(declines);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Offer(String unitId, String region, Instant offeredAt, Instant expiresAt, Instant acceptedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Step(String status, Instant enteredAt, Instant leftAt, long secondsInStep, String cause) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Decline(String unitId, String reason, Instant at) {}

  /** Seconds in the step she is in now (the service counts until now). */
  public long secondsInStep() {
    return steps.isEmpty() ? 0 : steps.getLast().secondsInStep();
  }

  public boolean open() {
    return "OPEN".equals(status);
  }

  public boolean offered() {
    return "OFFERED".equals(status);
  }

  public boolean accepted() {
    return "ACCEPTED".equals(status);
  }

  public boolean highPriority() {
    return "HIGH".equals(priority);
  }
}
