package org.safebed.occupancy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.security.SecureRandom;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.domain.ExclusionZone;
import org.safebed.occupancy.domain.Fixtures;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Placement;
import org.safebed.occupancy.domain.PlacementRequest;
import org.safebed.platform.web.sealing.FieldSealer;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The request's location and zones at rest: sealed, bound to their placement, and sealed once if found in clear. */
class SealedRequestDocumentsTest {

  private static final GeoPoint PICK_UP = new GeoPoint(48.93621, 2.35743);
  private static final ExclusionZone HOME = new ExclusionZone(new GeoPoint(48.95017, 2.40031), 15.5);
  private static final ExclusionZone EXPLOITERS = new ExclusionZone(new GeoPoint(-33.86882, 151.20929), 0.25);

  private final RequestDocuments requests = new RequestDocuments(new FieldSealer(key(), "k1"));
  private final PlacementDocuments documents = new PlacementDocuments(requests);
  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    mongo = new MongoTemplate(client, "sealed-requests");
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  private static Placement placement(String id, ExclusionZone... zones) {
    Placement pending = Fixtures.pending(Fixtures.girlOf14At(PICK_UP, zones));
    return new Placement(id, pending.status(), pending.requestedBy(), "police-x", pending.request(), pending.sealedCaseRef(),
        pending.caseToken(), pending.idempotencyKey(), pending.requestFingerprint(), null, null, null, null, null, null,
        null, null, null, null, null, null, null, List.of(), pending.createdAt(), pending.updatedAt(), 0);
  }

  @Test
  void locationAndZonesAreStoredSealedAndReadBackExactly() {
    Placement placement = placement("p-1", HOME, EXPLOITERS);
    Document stored = documents.toDocument(placement);

    assertThat(stored.toJson()).doesNotContain("48.93").doesNotContain("2.357").doesNotContain("48.95")
        .doesNotContain("151.2").doesNotContain("15.5").doesNotContain("radiusKm");
    assertThat(documents.fromDocument(stored).request()).isEqualTo(placement.request());
    assertThat(documents.fromDocument(documents.toDocument(placement("p-2"))).request().exclusionZones()).isEmpty();
  }

  @Test
  void sealedValuesOpenOnlyForTheirOwnPlacement() {
    Document first = documents.toDocument(placement("p-1", HOME));
    Document second = documents.toDocument(placement("p-2", HOME));
    second.get("request", Document.class).put("sealedLocation",
        first.get("request", Document.class).getString("sealedLocation"));

    assertThatThrownBy(() -> documents.fromDocument(second)).isInstanceOf(FieldSealer.SealedValueException.class);
  }

  @Test
  void placementsStoredInClearAreSealedOnceAndReadTheSame() {
    Placement placement = placement("p-old", HOME, EXPLOITERS);
    Document legacy = documents.toDocument(placement);
    Document request = legacy.get("request", Document.class);
    request.remove("sealedLocation");
    request.remove("sealedExclusionZones");
    request.append("location", new Document("lat", PICK_UP.lat()).append("lon", PICK_UP.lon()))
        .append("exclusionZones", List.of(HOME, EXPLOITERS).stream()
            .map(z -> new Document("lat", z.centre().lat()).append("lon", z.centre().lon())
                .append("radiusKm", z.radiusKm()))
            .toList());
    mongo.getCollection(MongoPlacements.COLLECTION).insertOne(legacy);
    Document clear = mongo.getCollection(MongoPlacements.COLLECTION).find().first();
    PlacementRequest readInClear = documents.fromDocument(clear).request();

    new ClearRequests(mongo, requests).seal();
    Document sealed = mongo.getCollection(MongoPlacements.COLLECTION).find().first();
    new ClearRequests(mongo, requests).seal();

    assertThat(readInClear).isEqualTo(placement.request());
    assertThat(sealed.get("request", Document.class)).doesNotContainKeys("location", "exclusionZones");
    assertThat(sealed.toJson()).doesNotContain("48.93").doesNotContain("151.2").doesNotContain("radiusKm");
    assertThat(documents.fromDocument(sealed).request()).isEqualTo(placement.request());
    assertThat(mongo.getCollection(MongoPlacements.COLLECTION).find().first())
        .as("sealed once: a second start finds nothing to do").isEqualTo(sealed);
  }
}
