package org.safebed.platform.web.push;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The devices people are alerted on, in the service's own database, unique by (account, endpoint):
 * one person's write never touches another's, and each keeps only her few most recent devices.
 */
public final class PushSubscriptions {

  static final String COLLECTION = "push_subscriptions";

  private final MongoTemplate mongo;

  public PushSubscriptions(MongoTemplate mongo) {
    this.mongo = mongo;
    keyByAccount();
    mongo.indexOps(COLLECTION).createIndex(
        new Index().on("accountSubject", Sort.Direction.ASC).on("endpoint", Sort.Direction.ASC).unique()
            .named("push_account_device"));
  }

  /**
   * Keeps the subscription, replacing the account's one with the same endpoint; then keeps only
   * its {@code maxPerAccount} most recent ones.
   */
  public void save(PushSubscription subscription, int maxPerAccount) {
    mongo.upsert(
        own(subscription.accountSubject(), subscription.endpoint()),
        new Update().set("subscribedAt", Date.from(subscription.subscribedAt())),
        COLLECTION);
    List<PushSubscription> newestFirst = of(subscription.accountSubject());
    for (PushSubscription old : newestFirst.subList(Math.min(maxPerAccount, newestFirst.size()), newestFirst.size())) {
      remove(old.accountSubject(), old.endpoint());
    }
  }

  /** The account's devices, newest first. */
  public List<PushSubscription> of(String accountSubject) {
    List<PushSubscription> subscriptions = new ArrayList<>();
    Query query = Query.query(where("accountSubject").is(accountSubject)).with(Sort.by(Sort.Direction.DESC, "subscribedAt"));
    for (Document d : mongo.find(query, Document.class, COLLECTION)) {
      subscriptions.add(new PushSubscription(
          d.getString("accountSubject"), URI.create(d.getString("endpoint")), d.getDate("subscribedAt").toInstant()));
    }
    return subscriptions;
  }

  /** Removes the account's subscription with this endpoint, if it has one. */
  public void remove(String accountSubject, URI endpoint) {
    mongo.remove(own(accountSubject, endpoint), COLLECTION);
  }

  /**
   * Transport kept its drivers' devices under {@code driverSubject} (unique with the endpoint)
   * before this store was shared: those become the account's, and the old index goes, before the
   * new one is made. Nothing to do anywhere else, or a second time.
   */
  private void keyByAccount() {
    if (mongo.indexOps(COLLECTION).getIndexInfo().stream().anyMatch(i -> "push_device".equals(i.getName()))) {
      mongo.indexOps(COLLECTION).dropIndex("push_device");
    }
    mongo.updateMulti(Query.query(where("driverSubject").exists(true)),
        new Update().rename("driverSubject", "accountSubject"), COLLECTION);
  }

  private static Query own(String accountSubject, URI endpoint) {
    return Query.query(where("accountSubject").is(accountSubject).and("endpoint").is(endpoint.toString()));
  }
}
