package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.DemoShelters;
import org.safebed.occupancy.config.DemoData;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The demo data as the local stack seeds it, and the demo story: a 14-year-old girl found at
 * 48.9362, 2.3574, her exploiters around 48.95, 2.40 (15 km), gets a central shelter outside.
 */
class DemoDataIT extends OccupancyIT {

  @Autowired org.safebed.occupancy.application.ShelterAdministration administration;

  @Test
  void seedsIdempotentlyAndTheDemoRequestLandsOutsideTheExclusionZone() {
    DemoData seeder = new DemoData(administration);
    seeder.run(new DefaultApplicationArguments());
    seeder.run(new DefaultApplicationArguments());

    for (var shelter : DemoShelters.ALL_SHELTERS) {
      assertThat(mongo.getCollection("beds").countDocuments(new Document("shelterId", shelter.id())))
          .isEqualTo(shelter.bedCount());
    }
    assertThat(mongo.getCollection("shelters").countDocuments(new Document("_id", new Document("$regex", "^shelter-(north|central|south)-"))))
        .isEqualTo(8);

    Map<String, Object> body = placementBody(14, "FEMALE", new GeoPoint(48.9362, 2.3574),
        List.of(Map.of("lat", 48.95, "lon", 2.40, "radiusKm", 15)));
    body.put("policeCaseRef", "PJ-2026-0042");
    ServiceHttp.Response response = requestPlacement(TestTokens.police(unique("demo-police")), body);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("shelter").get("codeName").asString()).isEqualTo("Swift");
    assertThat(bedOf(id(response)).getString("shelterId")).isEqualTo("shelter-central-2");
    assertNoConfidentialData(response.body());
    assertThat(response.body()).doesNotContain("Chemin des Essais");
  }
}
