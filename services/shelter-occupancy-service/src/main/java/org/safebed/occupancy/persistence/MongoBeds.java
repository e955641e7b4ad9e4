package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.occupancy.domain.Bed;
import org.safebed.occupancy.domain.BedCounts;
import org.safebed.occupancy.domain.BedRepository;
import org.safebed.occupancy.domain.BedStatus;
import org.safebed.occupancy.domain.OutOfServiceReason;
import org.safebed.occupancy.domain.Shelter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Beds as documents {@code {_id, shelterId, status, placementId?, caseToken?, keepApart?, agency?,
 * outOfServiceReason?, since}}.
 * Every status change is one {@code findOneAndUpdate} whose filter names the expected status (and
 * holder): the database decides every race, no lock and no transaction needed.
 *
 * <p>Filters are plain documents with exactly the keys of a unique index ({@code _id+status},
 * {@code _id+status+placementId}, {@code placementId}): a real MongoDB would use the {@code _id}
 * index anyway, and the wire-protocol server (which ignores non-unique indexes and scans) then finds
 * the bed through an index too. {@code placementId} is unique where present, so a placement can
 * never hold two beds; it is removed (not set to null) when a bed is freed.
 */
@Repository
public class MongoBeds implements BedRepository {

  static final String COLLECTION = "beds";
  private static final String OUT_OF_SERVICE_REASON = "outOfServiceReason";
  private static final int DUPLICATE_KEY = 11000;
  private static final int ID_BATCH = 128;

  private final MongoTemplate mongo;
  private final KeepApartIndex keepApart;
  private final FullShelters fullShelters;

  public MongoBeds(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.keepApart = new KeepApartIndex(mongo);
    this.fullShelters = new FullShelters(clock);
  }

  @PostConstruct
  void createIndexes() {
    // Beds freed by earlier versions carried placementId: null, which a unique index counts as a value.
    collection().updateMany(eq("placementId", null), Updates.unset("placementId"));
    collection().createIndex(Indexes.ascending("_id", "status"), new IndexOptions().unique(true));
    collection().createIndex(Indexes.ascending("_id", "status", "placementId"), new IndexOptions().unique(true));
    collection().createIndex(Indexes.ascending("placementId"), new IndexOptions().unique(true).sparse(true));
    collection().createIndex(Indexes.ascending("shelterId", "status"));
    collection().createIndex(Indexes.ascending("status", "since"));
    indexKeepApartOfBedsTakenBefore();
  }

  /**
   * Beds taken by an earlier version, before the keep-apart index existed, get their entries: once,
   * at start, while the index is empty.
   */
  private void indexKeepApartOfBedsTakenBefore() {
    if (mongo.getCollection(KeepApartIndex.COLLECTION).estimatedDocumentCount() > 0) {
      return;
    }
    for (Document taken : collection().find(in("status", BedStatus.HELD.name(), BedStatus.OCCUPIED.name()))) {
      Bed bed = fromDocument(taken);
      keepApart.add(bed.id(), bed.occupant());
    }
  }

  @Override
  public void ensureBeds(String shelterId, int count, Instant now) {
    for (int number = 1; number <= count; number++) {
      collection().updateOne(
          new Document("_id", Bed.idFor(shelterId, number)),
          Updates.combine(
              Updates.setOnInsert("shelterId", shelterId),
              Updates.setOnInsert("number", number),
              Updates.setOnInsert("status", BedStatus.AVAILABLE.name()),
              Updates.setOnInsert("since", Date.from(now))),
          new UpdateOptions().upsert(true));
    }
    fullShelters.bedFreed(shelterId);
  }

  @Override
  public Optional<Bed> hold(String bedId, String placementId, Bed.Occupant occupant, Instant now) {
    List<Bson> set = new ArrayList<>(List.of(
        Updates.set("status", BedStatus.HELD.name()),
        Updates.set("placementId", placementId),
        Updates.set("since", Date.from(now))));
    if (occupant != null && occupant.caseToken() != null) {
      set.add(Updates.set("caseToken", occupant.caseToken()));
    }
    if (occupant != null && !occupant.keepApart().isEmpty()) {
      set.add(Updates.set("keepApart", occupant.keepApart().stream().sorted().toList()));
    }
    if (occupant != null && occupant.agency() != null) {
      set.add(Updates.set("agency", occupant.agency()));
    }
    // Indexed before the bed is taken: whoever reads the index after she has the bed finds her.
    keepApart.add(bedId, occupant);
    Optional<Bed> held;
    try {
      held = Optional.ofNullable(collection().findOneAndUpdate(
              new Document("_id", bedId).append("status", BedStatus.AVAILABLE.name()),
              Updates.combine(set),
              new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
          .map(MongoBeds::fromDocument);
    } catch (MongoCommandException e) {
      keepApart.remove(bedId, occupant);
      if (e.getErrorCode() == DUPLICATE_KEY) {
        throw new PlacementHasBedException();
      }
      throw e;
    }
    if (held.isEmpty()) {
      keepApart.remove(bedId, occupant);
    }
    return held;
  }

  @Override
  public List<Bed> findByPlacement(String placementId) {
    return find(new Document("placementId", placementId));
  }

  @Override
  public Optional<Bed> findById(String bedId) {
    return Optional.ofNullable(collection().find(new Document("_id", bedId)).first()).map(MongoBeds::fromDocument);
  }

  @Override
  public List<Bed> findByShelter(Shelter shelter) {
    List<Bed> beds = find(new Document("_id", new Document("$in", shelter.bedIds())));
    beds.sort(Comparator.comparingInt(MongoBeds::number));
    return beds;
  }

  /**
   * Reads the shelter's beds by id in batches, from a random one on, until a batch has free beds.
   * Ids keep the look-up on the {@code _id} index (the wire-protocol server scans the whole
   * collection for any other filter, and matches every document found against the whole id list,
   * 128 ids some 16,000 comparisons: less than one more round trip costs). Matching comes here only
   * when its sample of a shelter's beds found none free, i.e. for a nearly full shelter, so most
   * shelters take one read. The random start spreads requests racing for one shelter over its beds.
   * A shelter found full is not read again for a moment ({@link FullShelters}).
   */
  @Override
  public List<String> availableBedIds(Shelter shelter, int limit) {
    if (fullShelters.isKnownFull(shelter.id())) {
      return List.of();
    }
    long mark = fullShelters.readMark(shelter.id());
    List<String> ids = new ArrayList<>(shelter.bedIds());
    Collections.rotate(ids, ids.isEmpty() ? 0 : ThreadLocalRandom.current().nextInt(ids.size()));
    List<String> free = new ArrayList<>();
    for (int from = 0; from < ids.size() && free.isEmpty(); from += ID_BATCH) {
      collection()
          .find(new Document("_id", new Document("$in", ids.subList(from, Math.min(ids.size(), from + ID_BATCH)))))
          .projection(new Document("status", 1))
          .forEach(d -> {
            if (BedStatus.AVAILABLE.name().equals(d.getString("status")) && free.size() < limit) {
              free.add(d.getString("_id"));
            }
          });
    }
    if (free.isEmpty()) {
      fullShelters.foundFull(shelter.id(), mark);
    }
    return free;
  }

  @Override
  public Map<String, List<String>> sampleAvailableBedIds(List<Shelter> shelters, int perShelter) {
    Map<String, List<String>> sampled = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (Shelter shelter : shelters) {
      sampled.put(shelter.id(), new ArrayList<>());
      if (!fullShelters.isKnownFull(shelter.id())) {
        List<String> beds = new ArrayList<>(shelter.bedIds());
        Collections.shuffle(beds, ThreadLocalRandom.current());
        ids.addAll(beds.subList(0, Math.min(perShelter, beds.size())));
      }
    }
    if (ids.isEmpty()) {
      return sampled;
    }
    collection().find(new Document("_id", new Document("$in", ids)))
        .projection(new Document("status", 1).append("shelterId", 1))
        .forEach(d -> {
          if (BedStatus.AVAILABLE.name().equals(d.getString("status"))) {
            sampled.computeIfAbsent(d.getString("shelterId"), id -> new ArrayList<>()).add(d.getString("_id"));
          }
        });
    return sampled;
  }

  /** The candidates come from the keep-apart index; each bed is read by id and checked here. */
  @Override
  public List<Bed> findTakenSharingKeepApartTokens(Bed.Occupant her) {
    Set<String> candidates = keepApart.bedsConcerning(her);
    if (candidates.isEmpty()) {
      return List.of();
    }
    return find(new Document("_id", new Document("$in", List.copyOf(candidates)))).stream()
        .filter(bed -> bed.isTaken() && bed.occupant() != null)
        .filter(bed -> her.keepApart().contains(bed.occupant().caseToken())
            || (her.caseToken() != null && bed.occupant().keepApart().contains(her.caseToken())))
        .toList();
  }

  @Override
  public boolean occupy(String bedId, String placementId, Instant now) {
    return collection().findOneAndUpdate(
        holderFilter(bedId, BedStatus.HELD, placementId),
        Updates.combine(Updates.set("status", BedStatus.OCCUPIED.name()), Updates.set("since", Date.from(now)))) != null;
  }

  @Override
  public boolean release(String bedId, String placementId, Instant now) {
    for (BedStatus from : List.of(BedStatus.HELD, BedStatus.OCCUPIED)) {
      Document before = collection().findOneAndUpdate(holderFilter(bedId, from, placementId),
          Updates.combine(freeing(BedStatus.AVAILABLE, now), Updates.unset(OUT_OF_SERVICE_REASON)));
      if (before != null) {
        Bed freed = fromDocument(before);
        fullShelters.bedFreed(freed.shelterId());
        // Only once she is out of the bed: the index must never miss someone in one.
        keepApart.remove(bedId, freed.occupant());
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean changeService(String bedId, boolean inService, OutOfServiceReason reason, Instant now) {
    BedStatus from = inService ? BedStatus.OUT_OF_SERVICE : BedStatus.AVAILABLE;
    BedStatus to = inService ? BedStatus.AVAILABLE : BedStatus.OUT_OF_SERVICE;
    Bson reasonUpdate = inService || reason == null
        ? Updates.unset(OUT_OF_SERVICE_REASON)
        : Updates.set(OUT_OF_SERVICE_REASON, reason.name());
    Document before = collection().findOneAndUpdate(new Document("_id", bedId).append("status", from.name()),
        Updates.combine(freeing(to, now), reasonUpdate));
    if (before != null && inService) {
      fullShelters.bedFreed(before.getString("shelterId"));
    }
    return before != null;
  }

  @Override
  public boolean changeOutOfServiceReason(String bedId, OutOfServiceReason reason) {
    return collection().findOneAndUpdate(new Document("_id", bedId).append("status", BedStatus.OUT_OF_SERVICE.name()),
        Updates.set(OUT_OF_SERVICE_REASON, reason.name())) != null;
  }

  @Override
  public boolean retire(String bedId, Instant now) {
    for (BedStatus from : List.of(BedStatus.AVAILABLE, BedStatus.OUT_OF_SERVICE)) {
      if (free(new Document("_id", bedId).append("status", from.name()), BedStatus.RETIRED, now)) {
        return true;
      }
    }
    return false;
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

  private static Document holderFilter(String bedId, BedStatus status, String placementId) {
    return new Document("_id", bedId).append("status", status.name()).append("placementId", placementId);
  }

  /** A change that leaves the bed without holder: the holder's fields go with it. */
  private boolean free(Document filter, BedStatus to, Instant now) {
    return collection().findOneAndUpdate(filter,
        Updates.combine(freeing(to, now), Updates.unset(OUT_OF_SERVICE_REASON))) != null;
  }

  private static Bson freeing(BedStatus to, Instant now) {
    return Updates.combine(
        Updates.set("status", to.name()),
        Updates.set("since", Date.from(now)),
        Updates.unset("placementId"),
        Updates.unset("caseToken"),
        Updates.unset("keepApart"),
        Updates.unset("agency"));
  }

  private List<Bed> find(Bson filter) {
    List<Bed> beds = new ArrayList<>();
    collection().find(filter).forEach(document -> beds.add(fromDocument(document)));
    return beds;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  private static int number(Bed bed) {
    String id = bed.id();
    try {
      return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  static Bed fromDocument(Document d) {
    Date since = d.getDate("since");
    String caseToken = d.getString("caseToken");
    List<String> keepApart = d.getList("keepApart", String.class, List.of());
    Bed.Occupant occupant = caseToken == null && keepApart.isEmpty()
        ? null
        : new Bed.Occupant(caseToken, Set.copyOf(keepApart), d.getString("agency"));
    String reason = d.getString(OUT_OF_SERVICE_REASON);
    return new Bed(d.getString("_id"), d.getString("shelterId"), BedStatus.valueOf(d.getString("status")),
        d.getString("placementId"), since == null ? null : since.toInstant(), occupant,
        reason == null ? null : OutOfServiceReason.valueOf(reason));
  }
}
