package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * Occupancy's aggregate statistics for coordinators. A count below {@code minimumCount} comes
 * suppressed (no value) and stays so: pages say "fewer than N", never a number worked out from others.
 *
 * @param window DAY or WEEK as asked, null for the service's configured window
 * @param holdToTransportAssigned from her bed held to the first driver assigned; a service of the
 *     time before it answers none, which reads as suppressed (never as a number)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Statistics(
    Instant generatedAt,
    Instant windowStart,
    String window,
    int minimumCount,
    List<RegionOccupancy> occupancyByRegion,
    Durations requestToHold,
    Durations holdToCheckIn,
    Durations holdToTransportAssigned,
    Count waitlistLength,
    Count unmetDemand) {

  public Statistics {
    occupancyByRegion = occupancyByRegion == null ? List.of() : List.copyOf(occupancyByRegion);
    holdToTransportAssigned = holdToTransportAssigned == null ? Durations.NONE : holdToTransportAssigned;
  }

  /** A count as the API gives it: a value, or suppressed and none. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Count(Integer value, boolean suppressed) {
    /** Only a value the API gave: a suppressed count has none, whatever came with it. */
    public Integer shown() {
      return suppressed ? null : value;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Durations(Double p50Minutes, Double p90Minutes, Count samples, boolean suppressed) {
    /** Nothing to tell: shown as too few, like a suppressed figure. */
    static final Durations NONE = new Durations(null, null, new Count(null, true), true);

    public Double p50() {
      return suppressed ? null : p50Minutes;
    }

    public Double p90() {
      return suppressed ? null : p90Minutes;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RegionOccupancy(String region, Count inServiceBeds, Count held, Count occupied, Count available) {}
}
