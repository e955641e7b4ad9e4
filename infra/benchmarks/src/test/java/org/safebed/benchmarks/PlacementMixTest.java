package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlacementMixTest {

  @Test
  void exactlyAFifthOfTheOpenModelsPlacementsAskForWhatNoShelterOffers() {
    long waitlisted = 0;
    for (long n = 0; n < 100; n++) {
      PlacementMix.Kind kind = PlacementMix.kindOf(n, true);
      JsonNode body = SafeBedClient.JSON.readTree(PlacementMix.body(n, kind, "t"));
      if (kind == PlacementMix.Kind.WAITLISTED) {
        waitlisted++;
        assertThat(body.get("needs").get(0).asString()).isEqualTo("PREGNANCY_SUPPORT");
      } else {
        assertThat(body.get("needs")).isEmpty();
      }
    }
    assertThat(waitlisted).isEqualTo(20);
  }

  @Test
  void theMixHasExclusionZonesAndKeepApartReferencesToEarlierCases() {
    JsonNode keepApart = SafeBedClient.JSON.readTree(PlacementMix.body(6, PlacementMix.Kind.KEEP_APART, "r1"));
    JsonNode twoZones = SafeBedClient.JSON.readTree(PlacementMix.body(8, PlacementMix.Kind.TWO_ZONES, "r1"));
    JsonNode noZone = SafeBedClient.JSON.readTree(PlacementMix.body(9, PlacementMix.Kind.NO_ZONE, "r1"));

    assertThat(keepApart.get("policeCaseRef").asString()).isEqualTo("LOAD-r1-6");
    assertThat(keepApart.get("keepApartFrom").get(0).asString()).isEqualTo("LOAD-r1-1");
    assertThat(keepApart.get("exclusionZones")).hasSize(1);
    assertThat(twoZones.get("exclusionZones")).hasSize(2);
    assertThat(twoZones.get("urgency").asString()).isEqualTo("HIGH");
    assertThat(noZone.get("exclusionZones")).isEmpty();
    assertThat(PlacementMix.kindOf(7, false)).isEqualTo(PlacementMix.Kind.ONE_ZONE);
  }

  @Test
  void theFeederGivesTheAccountsThreePlacementsEachInTurnThenRunsDry() {
    Map<String, String> tokens = new HashMap<>();
    tokens.put("load-police-4", "token-4");
    tokens.put("load-police-5", "token-5");
    Iterator<Map<String, Object>> feeder = PlacementMix.requests(new PoliceAccounts.Range(4, 2), tokens, "r", true);

    List<Object> used = new ArrayList<>();
    while (feeder.hasNext()) {
      used.add(feeder.next().get("token"));
    }

    assertThat(used).containsExactly("token-4", "token-5", "token-4", "token-5", "token-4", "token-5");
    org.assertj.core.api.Assertions.assertThatThrownBy(feeder::next).isInstanceOf(NoSuchElementException.class);
  }
}
