package org.safebed.transport.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.safebed.transport.domain.DriverAccounts;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** One document per linked account, keyed by the account: the key makes an account one driver's only. */
@Repository
class MongoDriverAccounts implements DriverAccounts {

  static final String COLLECTION = "driver_accounts";

  private final MongoTemplate mongo;

  MongoDriverAccounts(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<String> driverOf(String account) {
    return Optional.ofNullable(mongo.findOne(Query.query(where("_id").is(account)), Document.class, COLLECTION))
        .map(link -> link.getString("driverSubject"));
  }

  @Override
  public List<String> linkedTo(String driverSubject) {
    return linkedTo(List.of(driverSubject)).getOrDefault(driverSubject, List.of());
  }

  @Override
  public Map<String, List<String>> linkedTo(Collection<String> driverSubjects) {
    Map<String, List<String>> links = new TreeMap<>();
    Query query = Query.query(where("driverSubject").in(driverSubjects)).with(Sort.by("_id"));
    for (Document link : mongo.find(query, Document.class, COLLECTION)) {
      links.computeIfAbsent(link.getString("driverSubject"), driver -> new ArrayList<>()).add(link.getString("_id"));
    }
    return links;
  }

  @Override
  public boolean link(String account, String driverSubject) {
    try {
      mongo.getCollection(COLLECTION).insertOne(new Document("_id", account).append("driverSubject", driverSubject));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return driverOf(account).filter(driverSubject::equals).isPresent();
      }
      throw e;
    }
  }

  @Override
  public void unlink(String account, String driverSubject) {
    mongo.remove(Query.query(where("_id").is(account).and("driverSubject").is(driverSubject)), COLLECTION);
  }
}
