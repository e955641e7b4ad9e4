package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoCell;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.occupancy.domain.Specialism;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Shelters as documents (the address and exact location fields hold sealed values only), and the
 * coarse-area index that matching searches: one document per {@link GeoCell}, {@code _id} its key,
 * holding a copy of each of its shelters. Looking cells up by {@code _id} is an index read on every
 * MongoDB (the wire-protocol server used in tests and on the local stack ignores secondary indexes,
 * so a query by area fields would scan every shelter). The shelter document is written first and
 * its copy after: a copy may lag for a moment (a hold re-reads the shelter itself) and
 * {@link #reindex} repairs one left behind by a crash.
 */
@Repository
public class MongoShelters implements ShelterRepository {

  public static final String COLLECTION = "shelters";
  /** Stored paths of the sealed values (the rotation of the sealing key needs them). */
  public static final String SEALED_LOCATION = "sealedLocation";
  public static final String SEALED_ADDRESS = "sealedAddress";
  static final String CELLS = "shelter_cells";
  private static final int CELLS_PER_QUERY = 200;

  private final MongoTemplate mongo;

  public MongoShelters(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    collection().createIndex(Indexes.ascending("status"));
    collection().createIndex(Indexes.ascending("bedsComplete"));
    // Exactly the keys of the conditional update that adds bed slots (see class comment on beds).
    collection().createIndex(Indexes.ascending("_id", "bedCount"), new IndexOptions().unique(true));
  }

  @Override
  public boolean insert(Shelter shelter) {
    Document document = toDocument(shelter).append("bedsComplete", false);
    try {
      collection().insertOne(document);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
    index(document);
    return true;
  }

  @Override
  public Optional<Shelter> findById(String id) {
    return Optional.ofNullable(collection().find(new Document("_id", id)).first()).map(MongoShelters::fromDocument);
  }

  @Override
  public List<Shelter> findByIds(Collection<String> ids) {
    return find(in("_id", ids));
  }

  @Override
  public List<Shelter> findAll() {
    return find(new Document());
  }

  @Override
  public List<Shelter> findByStatus(ShelterStatus status) {
    return find(eq("status", status.name()));
  }

  @Override
  public List<Shelter> findInCells(Collection<GeoCell> cells) {
    List<Shelter> shelters = new ArrayList<>();
    if (cells.isEmpty()) {
      return shelters;
    }
    List<String> keys = cells.stream().map(GeoCell::key).toList();
    // In chunks: the wire-protocol server matches each document against the whole $in list.
    for (int from = 0; from < keys.size(); from += CELLS_PER_QUERY) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CELLS_PER_QUERY));
      for (Document cell : cells().find(new Document("_id", new Document("$in", chunk)))) {
        Document entries = cell.get("shelters", Document.class);
        if (entries != null) {
          for (Object entry : entries.values()) {
            shelters.add(fromDocument((Document) entry));
          }
        }
      }
    }
    return shelters;
  }

  @Override
  public void changeStatus(String id, ShelterStatus status) {
    updateAndIndex(new Document("_id", id), Updates.set("status", status.name()));
  }

  @Override
  public void confirmCapacity(String id, Instant at) {
    updateAndIndex(new Document("_id", id), Updates.set("capacityConfirmedAt", Date.from(at)));
  }

  @Override
  public boolean addBedSlots(String id, int expected, int newBedCount, Instant confirmedAt) {
    return updateAndIndex(new Document("_id", id).append("bedCount", expected), Updates.combine(
        Updates.set("bedCount", newBedCount),
        Updates.set("bedsComplete", false),
        Updates.set("capacityConfirmedAt", Date.from(confirmedAt))));
  }

  @Override
  public void bedsCreated(String id, int bedCount) {
    collection().updateOne(new Document("_id", id).append("bedCount", bedCount), Updates.set("bedsComplete", true));
  }

  @Override
  public List<Shelter> findMissingBeds() {
    return find(eq("bedsComplete", false));
  }

  @Override
  public int reindex() {
    Map<String, Document> expected = new HashMap<>();
    Map<String, String> cellOf = new HashMap<>();
    for (Document shelter : collection().find()) {
      Document copy = copyOf(shelter);
      expected.put(shelter.getString("_id"), copy);
      cellOf.put(shelter.getString("_id"), cellKey(copy));
    }
    int fixed = 0;
    Map<String, Boolean> seen = new HashMap<>();
    for (Document cell : cells().find()) {
      Document entries = cell.get("shelters", Document.class);
      if (entries == null) {
        continue;
      }
      for (Map.Entry<String, Object> entry : entries.entrySet()) {
        String shelterId = entry.getKey();
        if (!cell.getString("_id").equals(cellOf.get(shelterId))) {
          cells().updateOne(new Document("_id", cell.getString("_id")), Updates.unset("shelters." + shelterId));
          fixed++;
        } else {
          seen.put(shelterId, true);
          if (!Objects.equals(entry.getValue(), expected.get(shelterId))) {
            index(expected.get(shelterId));
            fixed++;
          }
        }
      }
    }
    for (Map.Entry<String, Document> shelter : expected.entrySet()) {
      if (!seen.containsKey(shelter.getKey())) {
        index(shelter.getValue());
        fixed++;
      }
    }
    return fixed;
  }

  private boolean updateAndIndex(Document filter, Bson update) {
    Document after = collection().findOneAndUpdate(filter, update,
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (after == null) {
      return false;
    }
    index(after);
    return true;
  }

  /** Writes the shelter's copy into its cell. */
  private void index(Document shelter) {
    Document copy = copyOf(shelter);
    cells().updateOne(new Document("_id", cellKey(copy)),
        Updates.set("shelters." + copy.getString("_id"), copy), new UpdateOptions().upsert(true));
  }

  /** The fields matching reads; bookkeeping fields stay out so that comparing copies is exact. */
  private static Document copyOf(Document shelter) {
    Document copy = new Document(shelter);
    copy.remove("bedsComplete");
    return copy;
  }

  private static String cellKey(Document shelter) {
    Document area = shelter.get("area", Document.class);
    return GeoCell.of(new GeoPoint(area.getDouble("lat"), area.getDouble("lon"))).key();
  }

  private List<Shelter> find(Bson filter) {
    List<Shelter> shelters = new ArrayList<>();
    for (Document document : collection().find(filter).sort(new Document("_id", 1))) {
      shelters.add(fromDocument(document));
    }
    return shelters;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }

  private MongoCollection<Document> cells() {
    return mongo.getCollection(CELLS);
  }

  static Document toDocument(Shelter shelter) {
    Eligibility e = shelter.eligibility();
    return new Document("_id", shelter.id())
        .append("codeName", shelter.codeName())
        .append("region", shelter.region())
        .append("status", shelter.status().name())
        .append("eligibility", new Document("minAge", e.minAge())
            .append("maxAge", e.maxAge())
            .append("genders", e.genders().stream().map(Enum::name).sorted().toList())
            .append("acceptsAccompanyingChild", e.acceptsAccompanyingChild())
            .append("accessible", e.accessible())
            .append("languages", e.languages().stream().sorted().toList())
            .append("specialisms", e.specialisms().stream().map(Enum::name).sorted().toList()))
        .append("area", new Document("lat", shelter.area().lat()).append("lon", shelter.area().lon()))
        .append(SEALED_LOCATION, shelter.sealedLocation())
        .append(SEALED_ADDRESS, shelter.sealedAddress())
        .append("bedCount", shelter.bedCount())
        .append("capacityConfirmedAt", shelter.capacityConfirmedAt() == null ? null : Date.from(shelter.capacityConfirmedAt()));
  }

  static Shelter fromDocument(Document d) {
    Document e = d.get("eligibility", Document.class);
    Document area = d.get("area", Document.class);
    Eligibility eligibility = new Eligibility(
        e.getInteger("minAge"),
        e.getInteger("maxAge"),
        Set.copyOf(e.getList("genders", String.class).stream().map(Gender::valueOf).toList()),
        e.getBoolean("acceptsAccompanyingChild", false),
        e.getBoolean("accessible", false),
        Set.copyOf(e.getList("languages", String.class, List.of())),
        Set.copyOf(e.getList("specialisms", String.class, List.of()).stream().map(Specialism::valueOf).toList()));
    Date confirmed = d.getDate("capacityConfirmedAt");
    return new Shelter(
        d.getString("_id"),
        d.getString("codeName"),
        d.getString("region"),
        ShelterStatus.valueOf(d.getString("status")),
        eligibility,
        new GeoPoint(area.getDouble("lat"), area.getDouble("lon")),
        d.getString(SEALED_LOCATION),
        d.getString(SEALED_ADDRESS),
        d.getInteger("bedCount"),
        confirmed == null ? null : confirmed.toInstant());
  }
}
