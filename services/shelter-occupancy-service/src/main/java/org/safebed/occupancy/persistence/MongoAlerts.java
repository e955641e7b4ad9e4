package org.safebed.occupancy.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.safebed.occupancy.domain.Alert;
import org.safebed.occupancy.domain.AlertRepository;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Alerts as documents keyed by their derived id, so a redelivered cause stores nothing new. */
@Repository
public class MongoAlerts implements AlertRepository {

  static final String COLLECTION = "alerts";

  private final MongoTemplate mongo;

  public MongoAlerts(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @PostConstruct
  void createIndexes() {
    collection().createIndex(Indexes.ascending("requestedBy", "raisedAt"));
  }

  @Override
  public void raise(Alert alert) {
    try {
      collection().insertOne(new Document("_id", alert.id())
          .append("type", alert.type())
          .append("placementId", alert.placementId())
          .append("relatedPlacementId", alert.relatedPlacementId())
          .append("requestedBy", alert.requestedBy())
          .append("region", alert.region())
          .append("raisedAt", Date.from(alert.raisedAt())));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  @Override
  public List<Alert> findFor(String requestedBy, int limit) {
    return find(new Document("requestedBy", requestedBy), limit);
  }

  @Override
  public List<Alert> findAll(int limit) {
    return find(new Document(), limit);
  }

  private List<Alert> find(Document filter, int limit) {
    List<Alert> alerts = new ArrayList<>();
    collection().find(filter).sort(new Document("raisedAt", -1)).limit(limit).forEach(d -> alerts.add(new Alert(
        d.getString("_id"), d.getString("type"), d.getString("placementId"), d.getString("relatedPlacementId"),
        d.getString("requestedBy"),
        d.getString("region"), d.getDate("raisedAt").toInstant())));
    return alerts;
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
