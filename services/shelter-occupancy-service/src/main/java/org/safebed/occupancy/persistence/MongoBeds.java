package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Beds as documents {@code {_id, shelterId, status, placementId, since}}. Every status change is one
 * {@code findOneAndUpdate}/{@code updateOne} whose filter names the expected status (and holder):
 * the database decides every race, no lock and no transaction needed.
 */
@Repository
public class MongoBeds implements BedRepository {

  static final String COLLECTION = "beds";

  private final MongoTemplate mongo;

  public MongoBeds(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    collection().createIndex(Indexes.ascending("shelterId", "status"));
    collection().createIndex(Indexes.ascending("placementId"));
    collection().createIndex(Indexes.ascending("status", "since"));
  }

  @Override
  public void ensureBeds(String shelterId, int count, Instant now) {
    for (int number = 1; number <= count; number++) {
      collection().updateOne(
          eq("_id", Bed.idFor(shelterId, number)),
          Updates.combine(
              Updates.setOnInsert("shelterId", shelterId),
              Updates.setOnInsert("status", BedStatus.AVAILABLE.name()),
              Updates.setOnInsert("placementId", null),
              Updates.setOnInsert("since", Date.from(now))),
          new UpdateOptions().upsert(true));
    }
  }

  @Override
  public Optional<Bed> holdAvailable(String shelterId, String placementId, Instant now) {
    return change(
        and(eq("shelterId", shelterId), eq("status", BedStatus.AVAILABLE.name())),
        BedStatus.HELD, placementId, now);
  }

  @Override
  public List<Bed> findByPlacement(String placementId) {
    return find(eq("placementId", placementId));
  }

  @Override
  public Optional<Bed> findById(String bedId) {
    return Optional.ofNullable(collection().find(eq("_id", bedId)).first()).map(MongoBeds::fromDocument);
  }

  @Override
  public boolean occupy(String bedId, String placementId, Instant now) {
    return change(
        and(eq("_id", bedId), eq("status", BedStatus.HELD.name()), eq("placementId", placementId)),
        BedStatus.OCCUPIED, placementId, now).isPresent();
  }

  @Override
  public boolean release(String bedId, String placementId, Instant now) {
    return change(
        and(eq("_id", bedId), in("status", BedStatus.HELD.name(), BedStatus.OCCUPIED.name()),
            eq("placementId", placementId)),
        BedStatus.AVAILABLE, null, now).isPresent();
  }

  @Override
  public boolean changeService(String bedId, boolean inService, Instant now) {
    BedStatus from = inService ? BedStatus.OUT_OF_SERVICE : BedStatus.AVAILABLE;
    BedStatus to = inService ? BedStatus.AVAILABLE : BedStatus.OUT_OF_SERVICE;
    return change(and(eq("_id", bedId), eq("status", from.name())), to, null, now).isPresent();
  }

  @Override
  public List<Bed> findByShelter(String shelterId) {
    return find(eq("shelterId", shelterId));
  }

  @Override
  public Map<String, BedCounts> countByShelter(Collection<String> shelterIds) {
    Map<String, BedCounts> counts = new HashMap<>();
    if (shelterIds.isEmpty()) {
      return counts;
    }
    List<Bson> pipeline = List.of(
        Aggregates.match(in("shelterId", shelterIds)),
        Aggregates.group(
            new Document("shelterId", "$shelterId").append("status", "$status"),
            Accumulators.sum("count", 1)));
    for (Document row : collection().aggregate(pipeline)) {
      Document key = row.get("_id", Document.class);
      String shelterId = key.getString("shelterId");
      BedStatus status = BedStatus.valueOf(key.getString("status"));
      int count = ((Number) row.get("count")).intValue();
      counts.merge(shelterId, BedCounts.NONE.plus(status, count), (a, b) -> a.plus(status, count));
    }
    return counts;
  }

  @Override
  public List<Bed> findAssignedSince(Instant before, int limit) {
    List<Bed> beds = new ArrayList<>();
    collection()
        .find(and(in("status", BedStatus.HELD.name(), BedStatus.OCCUPIED.name()), lt("since", Date.from(before))))
        .limit(limit)
        .forEach(document -> beds.add(fromDocument(document)));
    return beds;
  }

  private Optional<Bed> change(Bson filter, BedStatus to, String placementId, Instant now) {
    Document changed = collection().findOneAndUpdate(
        filter,
        Updates.combine(
            Updates.set("status", to.name()),
            Updates.set("placementId", placementId),
            Updates.set("since", Date.from(now))),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return Optional.ofNullable(changed).map(MongoBeds::fromDocument);
  }

  private List<Bed> find(Bson filter) {
    List<Bed> beds = new ArrayList<>();
    collection().find(filter).sort(new Document("_id", 1)).forEach(document -> beds.add(fromDocument(document)));
    return beds;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  private static Bed fromDocument(Document d) {
    Date since = d.getDate("since");
    return new Bed(d.getString("_id"), d.getString("shelterId"), BedStatus.valueOf(d.getString("status")),
        d.getString("placementId"), since == null ? null : since.toInstant());
  }
}
