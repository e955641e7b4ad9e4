package org.safebed.referral.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safebed.platform.web.sealing.FieldSealer;
import org.safebed.referral.domain.ExclusionZone;
import org.safebed.referral.domain.GeoPoint;
import org.safebed.referral.domain.SafetyConstraints;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a referral's safety constraints and a unit's exact location: each is bound to its document
 * id and field, so a value copied elsewhere does not open.
 */
public final class SealedSafety {

  /** Each is both the stored field and the label the value is sealed with (a key rotation needs both). */
  public static final String EXCLUSION_ZONES = "exclusionZonesSealed";
  public static final String KEEP_APART_REFS = "keepApartRefsSealed";
  public static final String LOCATION = "locationSealed";
  public static final String ADDRESS = "addressSealed";
  public static final String CASE_TOKEN = "caseTokenSealed";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final FieldSealer sealer;

  SealedSafety(FieldSealer sealer) {
    this.sealer = sealer;
  }

  String sealZones(String referralId, List<ExclusionZone> zones) {
    List<double[]> plain = zones.stream()
        .map(z -> new double[] {z.center().lat(), z.center().lon(), z.radiusKm()})
        .toList();
    return sealer.seal(JSON.writeValueAsString(plain), referralId, EXCLUSION_ZONES);
  }

  String sealRefs(String referralId, List<String> refs) {
    return sealer.seal(JSON.writeValueAsString(refs), referralId, KEEP_APART_REFS);
  }

  SafetyConstraints open(String referralId, String sealedZones, String sealedRefs) {
    List<ExclusionZone> zones = new ArrayList<>();
    if (sealedZones != null) {
      double[][] plain =
          JSON.readValue(sealer.unseal(sealedZones, referralId, EXCLUSION_ZONES), double[][].class);
      for (double[] z : plain) {
        zones.add(new ExclusionZone(new GeoPoint(z[0], z[1]), z[2]));
      }
    }
    List<String> refs =
        sealedRefs == null
            ? List.of()
            : JSON.readValue(
                sealer.unseal(sealedRefs, referralId, KEEP_APART_REFS), new TypeReference<List<String>>() {});
    return new SafetyConstraints(zones, refs);
  }

  String sealCaseToken(String referralId, String caseToken) {
    return sealer.seal(caseToken, referralId, CASE_TOKEN);
  }

  String openCaseToken(String referralId, String sealed) {
    return sealer.unseal(sealed, referralId, CASE_TOKEN);
  }

  String sealLocation(String unitId, GeoPoint location) {
    return sealer.seal(JSON.writeValueAsString(Map.of("lat", location.lat(), "lon", location.lon())), unitId, LOCATION);
  }

  GeoPoint openLocation(String unitId, String sealed) {
    Map<String, Double> plain =
        JSON.readValue(sealer.unseal(sealed, unitId, LOCATION), new TypeReference<Map<String, Double>>() {});
    return new GeoPoint(plain.get("lat"), plain.get("lon"));
  }

  String sealAddress(String unitId, String address) {
    return sealer.seal(address, unitId, ADDRESS);
  }

  String openAddress(String unitId, String sealed) {
    return sealer.unseal(sealed, unitId, ADDRESS);
  }
}
