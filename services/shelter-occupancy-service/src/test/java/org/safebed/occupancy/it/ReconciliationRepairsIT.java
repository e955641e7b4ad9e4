package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Reconciliation;
import org.safebed.occupancy.application.Relocations;
import org.safebed.occupancy.domain.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;

/** What the reconciler repairs of the new two-write steps, each left as a crash would leave it. */
class ReconciliationRepairsIT extends OccupancyIT {

  @Autowired Reconciliation reconciliation;

  private static Date longAgo() {
    return Date.from(Instant.now().minus(Duration.ofMinutes(5)));
  }

  @Test
  void aSlotClaimedForAPlacementThatWasNeverStoredIsFreed() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.1, 0), 3);
    String police = unique("police");
    // Crashed after claiming two slots, before storing the placements.
    mongo.getCollection("request_slots").insertOne(new Document("_id", police).append("slots", List.of(
        new Document("placementId", "never-stored-1").append("at", longAgo()),
        new Document("placementId", "never-stored-2").append("at", longAgo()))));
    assertThat(requestFor(police, area).status()).isEqualTo(201);
    assertThat(requestFor(police, area).status()).as("the cap counts the lost slots").isEqualTo(409);

    reconciliation.run();

    assertThat(requestFor(police, area).status()).isEqualTo(201);
  }

  @Test
  void aShelterMissingFromTheSearchIndexOrShortOfBedsIsRepaired() {
    GeoPoint area = newArea();
    String shelter = minorGirlsShelter(offset(area, 0.1, 0), 2);
    // Crashed after storing the shelter's new bed slots, before creating the beds and its search copy.
    mongo.getCollection("shelters").updateOne(new Document("_id", shelter),
        new Document("$set", new Document("bedCount", 3).append("bedsComplete", false)));
    mongo.getCollection("shelter_cells").updateMany(new Document(),
        new Document("$unset", new Document("shelters." + shelter, "")));
    assertThat(requestFor(unique("police"), area).status()).as("not found by the search").isEqualTo(202);

    reconciliation.run();

    assertThat(bedsOfShelter(shelter)).hasSize(3);
    assertThat(requestFor(unique("police"), area).status()).isEqualTo(201);
  }

  @Test
  void residentsLeftInACompromisedShelterAreRelocated() {
    GeoPoint area = newArea();
    String compromised = minorGirlsShelter(offset(area, 0.02, 0), 1);
    String safe = minorGirlsShelter(offset(area, 0.3, 0), 1);
    String resident = id(requestFor(unique("police"), area));
    // Crashed after marking the shelter compromised, before relocating anyone.
    mongo.getCollection("shelters").updateOne(new Document("_id", compromised),
        new Document("$set", new Document("status", "COMPROMISED")));

    reconciliation.run();

    assertThat(statusOf(resident)).isEqualTo("RELOCATED");
    assertThat(bedOf(Relocations.relocationIdFor(resident)).getString("shelterId")).isEqualTo(safe);
  }
}
