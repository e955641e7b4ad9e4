package org.safebed.referral.domain;

import java.util.List;

/**
 * The resident's safety constraints. Sealed at rest and read only where a rule needs them (matching,
 * checking an offered unit); responses only ever count them.
 *
 * @param exclusionZones areas no offered unit may lie in
 * @param keepApartRefs opaque references to people she must not be housed with
 */
public record SafetyConstraints(List<ExclusionZone> exclusionZones, List<String> keepApartRefs) {

  public static final SafetyConstraints NONE = new SafetyConstraints(List.of(), List.of());

  public SafetyConstraints {
    exclusionZones = exclusionZones == null ? List.of() : List.copyOf(exclusionZones);
    keepApartRefs = keepApartRefs == null ? List.of() : List.copyOf(keepApartRefs);
  }

  /** Both sets of constraints at once: every zone and every reference of either, once. */
  public SafetyConstraints and(SafetyConstraints other) {
    return new SafetyConstraints(
        java.util.stream.Stream.concat(exclusionZones.stream(), other.exclusionZones.stream()).distinct().toList(),
        java.util.stream.Stream.concat(keepApartRefs.stream(), other.keepApartRefs.stream()).distinct().toList());
  }

  public boolean excludes(GeoPoint point) {
    return exclusionZones.stream().anyMatch(zone -> zone.contains(point));
  }

  /** Distance from the point to the nearest zone edge; infinite without zones. */
  public double safetyMarginKm(GeoPoint point) {
    return exclusionZones.stream()
        .mapToDouble(zone -> zone.marginKm(point))
        .min()
        .orElse(Double.POSITIVE_INFINITY);
  }

  @Override
  public String toString() {
    return "SafetyConstraints[" + exclusionZones.size() + " zones, " + keepApartRefs.size() + " refs]";
  }
}
