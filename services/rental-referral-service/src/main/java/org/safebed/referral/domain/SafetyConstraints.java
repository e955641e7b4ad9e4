package org.safebed.referral.domain;

import java.util.List;

/**
 * The resident's safety constraints. Sealed at rest and read only where a rule needs them (matching,
 * checking an offered unit); responses only ever count them.
 *
 * @param exclusionZones areas no offered unit may lie in
 * @param keepApartRefs opaque tokens of people she must not be housed near: those of her placement
 *     as they are, those a housing officer added marked {@link #ownAgencyOnly} (they count only
 *     against tenants of the referral's own agency, see {@link #tokensForAnyAgency})
 */
public record SafetyConstraints(List<ExclusionZone> exclusionZones, List<String> keepApartRefs) {

  public static final SafetyConstraints NONE = new SafetyConstraints(List.of(), List.of());

  /** Marks a token the housing officer added (tokens themselves are hexadecimal). */
  private static final String OWN_AGENCY_ONLY = "own-agency:";

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

  /**
   * A token the housing officer added: another agency's case references are not free inputs (a
   * refusal that depended on where that case lives would tell her), so it is matched with tenants
   * of her own agency only, whose homes her agency knows anyway.
   */
  public static String ownAgencyOnly(String token) {
    return OWN_AGENCY_ONLY + token;
  }

  /** Tokens of her placement, matched with tenants of every agency. */
  public List<String> tokensForAnyAgency() {
    return keepApartRefs.stream().filter(ref -> !ref.startsWith(OWN_AGENCY_ONLY)).toList();
  }

  /** Tokens a housing officer added, matched with tenants of the referral's agency only. */
  public List<String> tokensForOwnAgency() {
    return keepApartRefs.stream().filter(ref -> ref.startsWith(OWN_AGENCY_ONLY))
        .map(ref -> ref.substring(OWN_AGENCY_ONLY.length())).toList();
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
