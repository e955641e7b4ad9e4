package org.safebed.transport.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.safebed.transport.domain.PushSubscription;
import org.safebed.transport.domain.PushSubscriptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Subscriptions in Mongo, unique by (driver, endpoint): one driver's write never touches another's. */
@Repository
class MongoPushSubscriptions implements PushSubscriptions {

  static final String COLLECTION = "push_subscriptions";

  private final MongoTemplate mongo;

  MongoPushSubscriptions(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void save(PushSubscription subscription, int maxPerDriver) {
    mongo.upsert(
        own(subscription.driverSubject(), subscription.endpoint()),
        new Update().set("subscribedAt", JobDocuments.date(subscription.subscribedAt())),
        COLLECTION);
    List<PushSubscription> newestFirst = of(subscription.driverSubject());
    for (PushSubscription old : newestFirst.subList(Math.min(maxPerDriver, newestFirst.size()), newestFirst.size())) {
      remove(old.driverSubject(), old.endpoint());
    }
  }

  @Override
  public List<PushSubscription> of(String driverSubject) {
    List<PushSubscription> subscriptions = new ArrayList<>();
    Query query = Query.query(where("driverSubject").is(driverSubject)).with(Sort.by(Sort.Direction.DESC, "subscribedAt"));
    for (Document d : mongo.find(query, Document.class, COLLECTION)) {
      subscriptions.add(new PushSubscription(
          d.getString("driverSubject"), URI.create(d.getString("endpoint")),
          JobDocuments.instant(d.getDate("subscribedAt"))));
    }
    return subscriptions;
  }

  @Override
  public void remove(String driverSubject, URI endpoint) {
    mongo.remove(own(driverSubject, endpoint), COLLECTION);
  }

  private static Query own(String driverSubject, URI endpoint) {
    return Query.query(where("driverSubject").is(driverSubject).and("endpoint").is(endpoint.toString()));
  }
}
