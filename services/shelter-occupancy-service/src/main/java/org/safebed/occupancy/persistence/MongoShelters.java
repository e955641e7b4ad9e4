package org.safebed.occupancy.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.safebed.occupancy.domain.Eligibility;
import org.safebed.occupancy.domain.Gender;
import org.safebed.occupancy.domain.GeoPoint;
import org.safebed.occupancy.domain.Shelter;
import org.safebed.occupancy.domain.ShelterRepository;
import org.safebed.occupancy.domain.ShelterStatus;
import org.safebed.occupancy.domain.Specialism;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Shelters as documents; the address and exact location fields hold sealed values only. */
@Repository
public class MongoShelters implements ShelterRepository {

  static final String COLLECTION = "shelters";

  private final MongoTemplate mongo;

  public MongoShelters(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    collection().createIndex(Indexes.ascending("status"));
  }

  @Override
  public boolean insert(Shelter shelter) {
    try {
      collection().insertOne(toDocument(shelter));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Optional<Shelter> findById(String id) {
    return Optional.ofNullable(collection().find(eq("_id", id)).first()).map(MongoShelters::fromDocument);
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
  public List<Shelter> findOpen() {
    return find(eq("status", ShelterStatus.OPEN.name()));
  }

  @Override
  public void changeStatus(String id, ShelterStatus status) {
    collection().updateOne(eq("_id", id), Updates.set("status", status.name()));
  }

  private List<Shelter> find(org.bson.conversions.Bson filter) {
    List<Shelter> shelters = new ArrayList<>();
    for (Document document : collection().find(filter).sort(new Document("_id", 1))) {
      shelters.add(fromDocument(document));
    }
    return shelters;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
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
        .append("sealedLocation", shelter.sealedLocation())
        .append("sealedAddress", shelter.sealedAddress())
        .append("bedCount", shelter.bedCount());
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
    return new Shelter(
        d.getString("_id"),
        d.getString("codeName"),
        d.getString("region"),
        ShelterStatus.valueOf(d.getString("status")),
        eligibility,
        new GeoPoint(area.getDouble("lat"), area.getDouble("lon")),
        d.getString("sealedLocation"),
        d.getString("sealedAddress"),
        d.getInteger("bedCount"));
  }
}
