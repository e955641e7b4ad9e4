package org.safebed.faults.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.safebed.localstack.apps.StackApps;

/**
 * Reads the services' databases directly, as an auditor would: the final state the fault tests
 * compare is what is stored, not what an API chooses to show.
 */
public final class Databases implements AutoCloseable {

  private final MongoClient client;

  Databases(String mongoUri) {
    this.client = MongoClients.create(mongoUri);
  }

  public MongoDatabase occupancy() {
    return client.getDatabase(StackApps.SHELTER_OCCUPANCY.mongoDatabase());
  }

  public MongoDatabase transport() {
    return client.getDatabase(StackApps.TRANSPORT.mongoDatabase());
  }

  public MongoDatabase referral() {
    return client.getDatabase(StackApps.RENTAL_REFERRAL.mongoDatabase());
  }

  /** Documents of the three services that still hold unpublished events. */
  public long pendingEvents() {
    return pendingEvents(StackApps.SHELTER_OCCUPANCY) + pendingEvents(StackApps.TRANSPORT)
        + pendingEvents(StackApps.RENTAL_REFERRAL);
  }

  /** Documents of one service that still hold unpublished events. */
  public long pendingEvents(org.safebed.localstack.apps.StackApp service) {
    if (service == StackApps.SHELTER_OCCUPANCY) {
      return occupancy().getCollection("placements").countDocuments(Queries.HAS_PENDING);
    }
    if (service == StackApps.TRANSPORT) {
      return transport().getCollection("transport_jobs").countDocuments(Queries.HAS_PENDING);
    }
    return referral().getCollection("referrals").countDocuments(Queries.HAS_PENDING);
  }

  @Override
  public void close() {
    client.close();
  }

  /** Filters shared by the tests. */
  public static final class Queries {
    public static final org.bson.conversions.Bson HAS_PENDING =
        com.mongodb.client.model.Filters.exists("pendingEvents.0");

    private Queries() {}
  }
}
