package org.safebed.platform.web.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code ping} on the service's own database. Boot's indicator lists all
 * databases and sends {@code hello}; the wire-protocol server of the local stack and the tests does
 * not answer that, and a service needs only to know that its own database answers.
 */
public final class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoTemplate mongo;

  public MongoPingHealthIndicator(MongoTemplate mongo) {
    super("MongoDB health check failed");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongo.getDb().runCommand(new Document("ping", 1));
    builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
  }
}
