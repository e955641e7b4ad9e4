package org.safebed.transport.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the queries rely on, created at start-up (idempotent). Drivers are found by their
 * availability flags and ranked by distance in Java; jobs by driver, status and the sweeps' times.
 * Created before the inbox listener and the sweeps start, so the unique account index is in place
 * before anything writes.
 */
@Component
class Indexes implements InitializingBean {

  private final MongoTemplate mongo;

  Indexes(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterPropertiesSet() {
    var drivers = mongo.indexOps(MongoDrivers.COLLECTION);
    drivers.createIndex(new Index().on("accountSubject", Sort.Direction.ASC).unique().named("driver_account"));
    drivers.createIndex(
        new Index()
            .on("vetted", Sort.Direction.ASC)
            .on("onDuty", Sort.Direction.ASC)
            .on("currentJobId", Sort.Direction.ASC)
            .named("driver_availability"));
    drivers.createIndex(new Index().on("claimedAt", Sort.Direction.ASC).named("driver_claimed_at"));

    mongo.indexOps(MongoDriverAccounts.COLLECTION)
        .createIndex(new Index().on("driverSubject", Sort.Direction.ASC).named("linked_driver"));
    // Drivers' push devices are kept by the platform's store (PushSubscriptions), which makes its own index.


    var jobs = mongo.indexOps(JobDocuments.COLLECTION);
    jobs.createIndex(
        new Index().on("driverSubject", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC).named("job_driver"));
    jobs.createIndex(
        new Index().on("status", Sort.Direction.ASC).on("offerExpiresAt", Sort.Direction.ASC).named("job_offer_expiry"));
    jobs.createIndex(
        new Index().on("status", Sort.Direction.ASC).on("updatedAt", Sort.Direction.ASC).named("job_status_updated"));
    jobs.createIndex(new Index().on("placementId", Sort.Direction.ASC).named("job_placement"));
    // Exactly the keys of the conditional writes (save; the assignment lease): unique because _id
    // is, and so an index read on the wire-protocol server too, which uses unique indexes only.
    jobs.createIndex(
        new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique().named("job_version"));
    jobs.createIndex(new Index().on("_id", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
        .on(MongoTransportJobs.LEASE, Sort.Direction.ASC).unique().named("job_lease"));
    jobs.createIndex(
        new Index().on("status", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC).named("job_due"));
  }
}
