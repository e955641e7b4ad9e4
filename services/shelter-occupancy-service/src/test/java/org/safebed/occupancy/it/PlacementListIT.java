package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** GET /api/placements: each role sees the placements it may see, newest first, and no more. */
class PlacementListIT extends OccupancyIT {

  private List<String> ids(ServiceHttp.Response listed) {
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    listed.json().forEach(placement -> ids.add(placement.get("id").asString()));
    return ids;
  }

  @Test
  void policeSeeTheirOwnManagersTheirSheltersAndCoordinatorsAll() throws InterruptedException {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.02, 0), 1);
    String police = unique("police");
    String first = id(requestFor(police, area));
    Thread.sleep(5); // newest first: distinct creation times
    String second = id(requestFor(police, area)); // the only bed is taken: waitlisted
    String someoneElses = id(requestFor(unique("police"), offset(area, 0.01, 0)));

    List<String> own = ids(http.get("/api/placements", TestTokens.police(police)));
    assertThat(own).containsExactly(second, first);
    assertThat(ids(http.get("/api/placements?status=WAITLISTED", TestTokens.police(police))))
        .containsExactly(second);
    assertThat(ids(http.get("/api/placements?limit=1", TestTokens.police(police)))).containsExactly(second);

    assertThat(ids(http.get("/api/placements", manager(shelter)))).containsExactly(first);
    assertThat(ids(http.get("/api/placements", manager("shelter-of-someone-else")))).isEmpty();

    ServiceHttp.Response all = http.get("/api/placements?limit=200", coordinator());
    assertThat(ids(all)).contains(first, second, someoneElses);
    JsonNode firstForPolice = http.get("/api/placements", TestTokens.police(police)).json().get(1);
    assertThat(firstForPolice.has("matchReasons")).as("reasons are for coordinators").isFalse();
    assertThat(firstForPolice.get("shelter").get("codeName").asString()).isNotBlank();
    assertNoConfidentialData(all.body());

    for (String refused : List.of(TestTokens.driver("driver-x"), TestTokens.housingOfficer("officer-x", "agency-x"))) {
      assertThat(http.get("/api/placements", refused).status()).isEqualTo(403);
    }
    assertThat(http.get("/api/placements?limit=0", coordinator()).status()).isEqualTo(400);
    assertThat(http.get("/api/placements?status=SOMETHING", coordinator()).status()).isEqualTo(400);
    for (String id : List.of(first, second, someoneElses)) {
      http.post("/api/placements/" + id + "/cancel", coordinator(), null);
    }
  }
}
