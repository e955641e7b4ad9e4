package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Relocations;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Her escort preferences reach transport with every bed held for her, relocations included. */
class EscortPreferencesIT extends OccupancyIT {

  private String shelterSpeaking(GeoPoint where, String... languages) {
    Map<String, Object> eligibility = eligibility(12, 17, "FEMALE");
    eligibility.put("languages", List.of(languages));
    return shelter(where, eligibility, 2);
  }

  private String request(String police, GeoPoint where, Map<String, Object> extra) {
    Map<String, Object> body = placementBody(14, "FEMALE", where, new ArrayList<>());
    body.putAll(extra);
    ServiceHttp.Response response = requestPlacement(TestTokens.police(police), body);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return id(response);
  }

  @Test
  void bedHeldCarriesTheEscortGenderAndLanguagesSheGave() {
    GeoPoint area = newArea();
    shelterSpeaking(offset(area, 0.02, 0), "ro", "fr");

    String placement = request(unique("police"), area, Map.of("escortGender", "FEMALE", "languages", List.of("uk", "ro")));

    JsonNode data = broker.awaitEventFor("placement.bed-held.v1", placement).data();
    assertThat(data.get("escortGender").asString()).isEqualTo("FEMALE");
    assertThat(data.get("languages").valueStream().map(JsonNode::asString)).containsExactly("ro", "uk");
    assertThat(placementDocument(placement).get("request", Document.class).getString("escortGender"))
        .isEqualTo("FEMALE");
  }

  @Test
  void bedHeldLeavesOutPreferencesSheDidNotGive() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.02, 0), 2);

    String placement = request(unique("police"), area, Map.of());

    JsonNode data = broker.awaitEventFor("placement.bed-held.v1", placement).data();
    assertThat(data.has("escortGender")).isFalse();
    assertThat(data.has("languages")).isFalse();
  }

  @Test
  void aRelocationKeepsHerEscortPreferences() {
    GeoPoint area = newArea();
    String compromised = shelterSpeaking(offset(area, 0.02, 0), "ro");
    shelterSpeaking(offset(area, -0.3, 0), "ro");
    String placement = request(unique("police"), area, Map.of("escortGender", "MALE", "languages", List.of("ro")));
    assertThat(bedOf(placement).getString("shelterId")).isEqualTo(compromised);

    ServiceHttp.Response marked = http.put("/api/shelters/" + compromised + "/status", manager(compromised),
        "{\"status\":\"COMPROMISED\"}");

    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    JsonNode data = broker.awaitEventFor("placement.bed-held.v1", Relocations.relocationIdFor(placement)).data();
    assertThat(data.get("escortGender").asString()).isEqualTo("MALE");
    assertThat(data.get("languages").valueStream().map(JsonNode::asString)).containsExactly("ro");
  }
}
