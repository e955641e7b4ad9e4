package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Waitlist;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Where she is and where she must not go are stored sealed: the placement document shows neither,
 * yet a placement read back from it is matched exactly as before.
 */
class SealedPlacementRequestIT extends OccupancyIT {

  @Autowired Waitlist waitlist;

  /** Four decimals: more than any coarse area (0.01° at most) shows, so only a clear value has them. */
  private static String digits(double degrees) {
    return BigDecimal.valueOf(degrees).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  private static void assertSealed(Document placement, GeoPoint... points) {
    Document request = placement.get("request", Document.class);
    assertThat(request).doesNotContainKeys("location", "exclusionZones");
    assertThat(request.getString("sealedLocation")).startsWith("v1:");
    assertThat(request.getString("sealedExclusionZones")).startsWith("v1:");
    String raw = placement.toJson();
    assertThat(raw).doesNotContain("radiusKm");
    for (GeoPoint point : points) {
      assertThat(raw).doesNotContain(digits(point.lat())).doesNotContain(digits(point.lon()));
    }
  }

  @Test
  void aWaitlistedPlacementReadBackFromItsSealedDocumentIsReMatchedOutsideHerZone() {
    GeoPoint area = newArea();
    String insideHerZone = minorGirlsShelter(offset(area, 0, 0.1), 1);
    String safe = minorGirlsShelter(offset(area, 0.6, 0), 1);
    String nearest = id(requestFor(unique("police"), area));
    String farther = id(requestFor(unique("police"), area));
    assertThat(bedOf(nearest).getString("shelterId")).isEqualTo(insideHerZone);
    assertThat(bedOf(farther).getString("shelterId")).isEqualTo(safe);

    GeoPoint pickUp = offset(area, 0.0123, 0.0071);
    GeoPoint zoneCentre = offset(area, 0.0037, 0.1041);
    String police = unique("police");
    ServiceHttp.Response asked = requestPlacement(TestTokens.police(police), placementBody(14, "FEMALE", pickUp,
        List.of(Map.of("lat", zoneCentre.lat(), "lon", zoneCentre.lon(), "radiusKm", 6.5))));
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);
    String waiting = id(asked);
    assertSealed(placementDocument(waiting), pickUp, zoneCentre);

    assertThat(http.post("/api/placements/" + nearest + "/cancel", coordinator(), null).status()).isEqualTo(200);
    await().untilAsserted(() -> assertThat(bedsOfShelter(insideHerZone))
        .allSatisfy(bed -> assertThat(bed.getString("status")).isEqualTo("AVAILABLE")));
    waitlist.rematch();
    assertThat(statusOf(waiting)).as("the free bed is inside her exclusion zone").isEqualTo("WAITLISTED");

    assertThat(http.post("/api/placements/" + farther + "/cancel", coordinator(), null).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(statusOf(waiting)).isEqualTo("HELD"));
    assertThat(bedOf(waiting).getString("shelterId")).isEqualTo(safe);
    assertThat(placementDocument(waiting).getList("matchReasons", String.class))
        .contains("OUTSIDE_EXCLUSION_ZONES: 1");
    JsonNode pickupArea = broker.awaitEventFor("placement.bed-held.v1", waiting).data().get("pickupArea");
    GeoPoint coarse = pickUp.roundedTo(0.01);
    assertThat(pickupArea.get("lat").asDouble()).isEqualTo(coarse.lat());
    assertThat(pickupArea.get("lon").asDouble()).isEqualTo(coarse.lon());
    assertSealed(placementDocument(waiting), pickUp, zoneCentre);
    http.post("/api/placements/" + waiting + "/cancel", TestTokens.police(police), null);
  }
}
