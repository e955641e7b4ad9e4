package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A placement as the shelter occupancy service answers it to the person asking: never an address.
 * Only what the pages show is read; the rest of the answer is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Placement(
    String id,
    String status,
    ShelterRef shelter,
    Instant holdExpiresAt,
    Transport transport,
    Instant createdAt,
    String urgency,
    Instant escalatedAt,
    Arrival arrival,
    Instant missingSince,
    Instant bedKeptUntil) {

  private static final Set<String> OPEN = Set.of("PENDING", "HELD", "WAITLISTED", "CHECKED_IN", "RESIDENT_MISSING");

  /** Still going on (police follow it; a shelter expects or houses her). */
  public boolean open() {
    return OPEN.contains(status);
  }

  /** Police may still call it off: a bed is held or she waits for one. */
  public boolean cancellable() {
    return "HELD".equals(status) || "WAITLISTED".equals(status);
  }

  public boolean held() {
    return "HELD".equals(status);
  }

  /** Reported missing: her bed is kept until {@link #bedKeptUntil}. */
  public boolean missing() {
    return "RESIDENT_MISSING".equals(status);
  }

  public boolean policeEscortNeeded() {
    return transport != null && transport.policeEscortNeeded();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ShelterRef(String codeName, String region) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Transport(String status, Integer etaMinutes, boolean policeEscortNeeded) {}

  /** What the arriving shelter prepares for: an age band and needs, nothing that names her. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Arrival(String ageBand, String gender, List<String> needs, String escortGender) {
    public Arrival {
      needs = needs == null ? List.of() : List.copyOf(needs);
    }
  }
}
