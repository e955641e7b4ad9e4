package org.safebed.referral.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes (idempotent) while the context starts, before the web server, the inbox
 * listener, demo data or the reconciler can write.
 */
@Component
public class MongoIndexes implements InitializingBean {

  private final MongoTemplate mongo;

  public MongoIndexes(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterPropertiesSet() {
    ensure();
  }

  public void ensure() {
    var referrals = mongo.indexOps(CollectionNames.REFERRALS);
    referrals.createIndex(
        new Index().on(MongoReferralRepository.ACTIVE_PLACEMENT, Direction.ASC).unique().sparse()
            .named("one_active_referral_per_placement"));
    referrals.createIndex(new Index().on("placementId", Direction.ASC).on("status", Direction.ASC));
    referrals.createIndex(
        new Index().on("agencyId", Direction.ASC).on("priority", Direction.ASC).on("createdAt", Direction.DESC));
    referrals.createIndex(new Index().on("status", Direction.ASC).on("offer.expiresAt", Direction.ASC));
    referrals.createIndex(new Index().on("status", Direction.ASC).on("lastProgressAt", Direction.ASC));

    var units = mongo.indexOps(CollectionNames.RENTAL_UNITS);
    units.createIndex(new Index().on("agencyId", Direction.ASC).on("status", Direction.ASC).on("region", Direction.ASC));
    units.createIndex(new Index().on("status", Direction.ASC).on("reservedAt", Direction.ASC));
    units.createIndex(new Index().on("status", Direction.ASC).on(MongoRentalUnitRepository.TENANT_CASE_TOKEN, Direction.ASC));
  }
}
