package org.safebed.transport.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.safebed.transport.domain.Driver;
import org.safebed.transport.domain.Drivers;
import org.safebed.transport.domain.DutyWindow;
import org.safebed.transport.domain.EscortNeeds;
import org.safebed.transport.domain.Gender;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Drivers in Mongo; {@code currentJobId} changes only through conditional updates. */
@Repository
class MongoDrivers implements Drivers {

  static final String COLLECTION = "drivers";

  private final MongoTemplate mongo;

  MongoDrivers(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<Driver> find(String id) {
    return one(Query.query(where("_id").is(id)));
  }

  @Override
  public Optional<Driver> findBySubject(String accountSubject) {
    return one(Query.query(where("accountSubject").is(accountSubject)));
  }

  @Override
  public List<Driver> all(int limit) {
    return list(new Query().with(Sort.by("_id")).limit(limit));
  }

  @Override
  public List<Driver> available(EscortNeeds escort, Instant now, int limit) {
    return list(Query.query(free(escort, now)).limit(limit));
  }

  @Override
  public boolean claim(String driverId, String jobId, EscortNeeds escort, Instant now) {
    Update claim = new Update().set("currentJobId", jobId).set("claimedAt", JobDocuments.date(now));
    Document claimed =
        mongo.findAndModify(
            Query.query(free(escort, now).and("_id").is(driverId)),
            claim,
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            COLLECTION);
    return claimed != null;
  }

  @Override
  public boolean release(String driverId, String jobId) {
    if (driverId == null || jobId == null) {
      return false;
    }
    Update release = new Update().set("currentJobId", null).set("claimedAt", null);
    return mongo
            .updateFirst(Query.query(where("_id").is(driverId).and("currentJobId").is(jobId)), release, COLLECTION)
            .getModifiedCount()
        == 1;
  }

  @Override
  public List<Driver> claimedSince(Instant before, int limit) {
    return list(
        Query.query(where("currentJobId").ne(null).and("claimedAt").lt(JobDocuments.date(before))).limit(limit));
  }

  @Override
  public boolean register(Driver driver) {
    try {
      mongo.getCollection(COLLECTION).insertOne(document(driver));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void upsertProfile(Driver driver) {
    Update update =
        new Update()
            .set("accountSubject", driver.accountSubject())
            .set("vetted", driver.vetted())
            .set("gender", driver.gender().name())
            .set("languages", List.copyOf(driver.languages()))
            .set("canEscortMinors", driver.canEscortMinors())
            .set("base", JobDocuments.point(driver.base()))
            .setOnInsert("onDuty", driver.onDuty())
            .setOnInsert("currentJobId", null)
            .setOnInsert("claimedAt", null);
    mongo.upsert(Query.query(where("_id").is(driver.id())), update, COLLECTION);
  }

  @Override
  public Optional<Driver> changeProfile(Driver profile) {
    Update update =
        new Update()
            .set("vetted", profile.vetted())
            .set("gender", profile.gender().name())
            .set("languages", List.copyOf(profile.languages()))
            .set("canEscortMinors", profile.canEscortMinors())
            .set("base", JobDocuments.point(profile.base()))
            .set("dutyWindows", windows(profile.dutyWindows()));
    Document updated =
        mongo.findAndModify(
            Query.query(where("_id").is(profile.id())),
            update,
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            COLLECTION);
    return Optional.ofNullable(updated).map(MongoDrivers::driver);
  }

  @Override
  public Optional<Driver> setOnDuty(String accountSubject, boolean onDuty) {
    Document updated =
        mongo.findAndModify(
            Query.query(where("accountSubject").is(accountSubject).and("retired").ne(true)),
            new Update().set("onDuty", onDuty),
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            COLLECTION);
    return Optional.ofNullable(updated).map(MongoDrivers::driver);
  }

  @Override
  public Optional<Driver> retire(String driverId) {
    Document retired =
        mongo.findAndModify(
            Query.query(where("_id").is(driverId).and("currentJobId").is(null)),
            new Update().set("retired", true).set("onDuty", false),
            FindAndModifyOptions.options().returnNew(true),
            Document.class,
            COLLECTION);
    return Optional.ofNullable(retired).map(MongoDrivers::driver);
  }

  /**
   * The indexed filter of drivers who may be claimed now, with the escort rules in it: the claim
   * re-checks them in the same write, so a profile changed meanwhile is never claimed against them.
   * A driver with duty windows is free only inside one of them.
   */
  private static Criteria free(EscortNeeds escort, Instant now) {
    Criteria criteria = where("vetted").is(true).and("onDuty").is(true).and("currentJobId").is(null)
        .and("retired").ne(true);
    if (escort.minor()) {
      criteria = criteria.and("canEscortMinors").is(true);
    }
    if (escort.escortGender() != null) {
      criteria = criteria.and("gender").is(escort.escortGender().name());
    }
    return criteria.orOperator(
        where("dutyWindows").exists(false),
        where("dutyWindows").size(0),
        where("dutyWindows").elemMatch(where("from").lte(JobDocuments.date(now)).and("to").gt(JobDocuments.date(now))));
  }

  private Optional<Driver> one(Query query) {
    return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoDrivers::driver);
  }

  private List<Driver> list(Query query) {
    List<Driver> drivers = new ArrayList<>();
    for (Document document : mongo.find(query, Document.class, COLLECTION)) {
      drivers.add(driver(document));
    }
    return drivers;
  }

  static Document document(Driver driver) {
    return new Document("_id", driver.id())
        .append("accountSubject", driver.accountSubject())
        .append("vetted", driver.vetted())
        .append("gender", driver.gender().name())
        .append("languages", List.copyOf(driver.languages()))
        .append("canEscortMinors", driver.canEscortMinors())
        .append("base", JobDocuments.point(driver.base()))
        .append("onDuty", driver.onDuty())
        .append("currentJobId", driver.currentJobId())
        .append("claimedAt", JobDocuments.date(driver.claimedAt()))
        .append("dutyWindows", windows(driver.dutyWindows()))
        .append("retired", driver.retired());
  }

  private static List<Document> windows(List<DutyWindow> windows) {
    return windows.stream()
        .map(window -> new Document("from", JobDocuments.date(window.from())).append("to", JobDocuments.date(window.to())))
        .toList();
  }

  private static List<DutyWindow> windows(Document driver) {
    return driver.getList("dutyWindows", Document.class, List.of()).stream()
        .map(window -> new DutyWindow(JobDocuments.instant(window.getDate("from")), JobDocuments.instant(window.getDate("to"))))
        .toList();
  }

  static Driver driver(Document d) {
    return new Driver(
        d.getString("_id"),
        d.getString("accountSubject"),
        Boolean.TRUE.equals(d.getBoolean("vetted")),
        Gender.valueOf(d.getString("gender")),
        new LinkedHashSet<>(d.getList("languages", String.class, List.of())),
        Boolean.TRUE.equals(d.getBoolean("canEscortMinors")),
        JobDocuments.point(d.get("base", Document.class)),
        Boolean.TRUE.equals(d.getBoolean("onDuty")),
        d.getString("currentJobId"),
        JobDocuments.instant(d.getDate("claimedAt")),
        windows(d),
        Boolean.TRUE.equals(d.getBoolean("retired")));
  }
}
