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
        take(bedId, "HELD", null, List.of());
      }
    }

    // The batches start at a random bed: every start must reach bed 77.
    for (int i = 0; i < 25; i++) {
      assertThat(beds.availableBedIds(shelter, 16)).containsExactly(lastFree);
    }
    take(lastFree, "OCCUPIED", null, List.of());
    assertThat(beds.availableBedIds(shelter, 16)).as("a full shelter").isEmpty();
  }

  @Test
  void freeBedsAreCappedAtTheLimitAndAreAllAvailable() {
    String shelterId = minorGirlsShelter(offset(newArea(), 0.05, 0.05), 60);
    Shelter shelter = shelters.findById(shelterId).orElseThrow();
    take(Bed.idFor(shelterId, 1), "HELD", null, List.of());
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
    take(Bed.idFor(shelterId, 1), "HELD", named, List.of());               // she names this occupant
    take(Bed.idFor(shelterId, 2), "OCCUPIED", unique("tok"), List.of(she)); // this occupant names her
    take(Bed.idFor(shelterId, 3), "OCCUPIED", unique("tok"), List.of(unique("tok")));

    List<Bed> found = beds.findTakenSharingKeepApartTokens(new Bed.Occupant(she, Set.of(named)));

    assertThat(found).extracting(Bed::id)
        .containsExactlyInAnyOrder(Bed.idFor(shelterId, 1), Bed.idFor(shelterId, 2));
    assertThat(beds.findTakenSharingKeepApartTokens(new Bed.Occupant(unique("tok-nobody"), Set.of()))).isEmpty();
    assertThat(beds.findTakenSharingKeepApartTokens(new Bed.Occupant(null, Set.of()))).isEmpty();
  }

  private void take(String bedId, String status, String caseToken, List<String> keepApart) {
    Document set = new Document("status", status).append("placementId", unique("plc"));
    if (caseToken != null) {
      set.append("caseToken", caseToken);
    }
    if (!keepApart.isEmpty()) {
      set.append("keepApart", keepApart);
    }
    mongo.getCollection("beds").updateOne(new Document("_id", bedId), new Document("$set", set));
  }
}
