package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.OutOfServiceReason;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two look-ups matching relies on instead of reading every bed of every shelter it considers:
 * free beds by id in batches, and the beds of people in a keep-apart relation with her.
 */
class BedLookupsIT extends OccupancyIT {

  @Autowired BedRepository beds;
  @Autowired ShelterRepository shelters;

  @Test
  void aSingleFreeBedIsFoundWhereverItIsAmongTheShelters() {
    String shelterId = minorGirlsShelter(offset(newArea(), 0.05, 0.05), 100);
    Shelter shelter = shelters.findById(shelterId).orElseThrow();
    String lastFree = Bed.idFor(shelterId, 77);
    for (String bedId : shelter.bedIds()) {
      if (!bedId.equals(lastFree)) {
        take(bedId, "HELD");
      }
    }

    // The batches start at a random bed: every start must reach bed 77.
    for (int i = 0; i < 25; i++) {
      assertThat(beds.availableBedIds(shelter, 16)).containsExactly(lastFree);
    }
    take(lastFree, "OCCUPIED");
    assertThat(beds.availableBedIds(shelter, 16)).as("a full shelter").isEmpty();
  }

  @Test
  void freeBedsAreCappedAtTheLimitAndAreAllAvailable() {
    String shelterId = minorGirlsShelter(offset(newArea(), 0.05, 0.05), 60);
    Shelter shelter = shelters.findById(shelterId).orElseThrow();
    take(Bed.idFor(shelterId, 1), "HELD");
    beds.changeService(Bed.idFor(shelterId, 2), false, OutOfServiceReason.DAMAGED, Instant.now());

    List<String> free = beds.availableBedIds(shelter, 16);

    assertThat(free).hasSizeLessThanOrEqualTo(16).isNotEmpty().doesNotHaveDuplicates()
        .doesNotContain(Bed.idFor(shelterId, 1), Bed.idFor(shelterId, 2))
        .allSatisfy(id -> assertThat(beds.findById(id).orElseThrow().status().name()).isEqualTo("AVAILABLE"));
  }

  @Test
  void takenBedsInAKeepApartRelationAreFoundEitherWay() {
    String shelterId = minorGirlsShelter(offset(newArea(), 0.05, 0.05), 4);
    String she = unique("tok-her");
    String named = unique("tok-named");
    String namedPlacement = hold(Bed.idFor(shelterId, 1), named, Set.of());    // she names this occupant
    String namingPlacement = hold(Bed.idFor(shelterId, 2), unique("tok"), Set.of(she)); // this one names her
    beds.occupy(Bed.idFor(shelterId, 2), namingPlacement, Instant.now());
    hold(Bed.idFor(shelterId, 3), unique("tok"), Set.of(unique("tok")));

    List<Bed> found = beds.findTakenSharingKeepApartTokens(new Bed.Occupant(she, Set.of(named)));

    assertThat(found).extracting(Bed::id)
        .containsExactlyInAnyOrder(Bed.idFor(shelterId, 1), Bed.idFor(shelterId, 2));
    assertThat(beds.findTakenSharingKeepApartTokens(new Bed.Occupant(unique("tok-nobody"), Set.of()))).isEmpty();
    assertThat(beds.findTakenSharingKeepApartTokens(new Bed.Occupant(null, Set.of()))).isEmpty();

    // Once they leave, their beds concern her no more, and a bed taken again by someone else neither.
    beds.release(Bed.idFor(shelterId, 1), namedPlacement, Instant.now());
    beds.release(Bed.idFor(shelterId, 2), namingPlacement, Instant.now());
    hold(Bed.idFor(shelterId, 1), unique("tok"), Set.of());
    assertThat(beds.findTakenSharingKeepApartTokens(new Bed.Occupant(she, Set.of(named)))).isEmpty();
  }

  /** Takes the bed as matching does, for a placement of the occupant described; answers the placement. */
  private String hold(String bedId, String caseToken, Set<String> keepApart) {
    String placementId = unique("plc");
    assertThat(beds.hold(bedId, placementId, new Bed.Occupant(caseToken, keepApart), Instant.now())).isPresent();
    return placementId;
  }

  /** Marks a bed taken behind the repository's back: only its status matters to these look-ups. */
  private void take(String bedId, String status) {
    mongo.getCollection("beds").updateOne(new Document("_id", bedId),
        new Document("$set", new Document("status", status).append("placementId", unique("plc"))));
  }
}
