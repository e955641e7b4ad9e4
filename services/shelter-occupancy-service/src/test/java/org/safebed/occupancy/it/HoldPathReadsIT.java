package org.safebed.occupancy.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.platform.embedded.FullScans;
import org.safebed.platform.testing.ServiceHttp;
import org.safebed.platform.testing.TestMongo;
import org.safebed.platform.testing.TestTokens;

/**
 * A hold costs the same however many placements were ever made, beds exist or people wait: every
 * read and conditional write on its path goes by {@code _id} or the exact keys of a unique index.
 * The wire-protocol MongoDB reads a whole collection for anything else, and counts it; on a real
 * MongoDB such a query would lean on a secondary index that grows with the history.
 */
class HoldPathReadsIT extends OccupancyIT {

  /**
   * Read whole by design, as they are bounded by people, not by history: the waitlist (its line)
   * and the requesters' slots (one document per police account). The relay's periodic sweep is
   * background work that may fall into the window, not the hold's.
   */
  private static final List<String> BOUNDED_BY_PEOPLE = List.of("waitlist", "request_slots");
  private static final String RELAY_SWEEP = "{pendingEvents.eventId: {$exists: ?}}";

  @Test
  void requestToHeldAndItsEventReadNoGrowingCollectionWhole() {
    GeoPoint area = newArea();
    minorGirlsShelter(offset(area, 0.05, 0.05), 20);
    String police = unique("police");
    // The first request of a context warms caches (keys, ...) that no later hold needs.
    assertThat(requestFor(police, area).status()).isEqualTo(201);
    FullScans scans = TestMongo.fullScans();
    scans.clear();

    ServiceHttp.Response held = requestFor(police, area);
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    String placementId = id(held);
    broker.awaitEventFor("placement.bed-held.v1", placementId);
    http.get("/api/placements/" + placementId, TestTokens.police(police));

    assertThat(scans.all())
        .filteredOn(scan -> scan.database().equals(mongo.getDb().getName()))
        .filteredOn(scan -> !BOUNDED_BY_PEOPLE.contains(scan.collection()))
        .filteredOn(scan -> !scan.shape().equals(RELAY_SWEEP))
        .as("queries that read a whole collection on the hold path")
        .isEmpty();
  }
}
