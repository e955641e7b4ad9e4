package org.safebed.referral.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.safebed.referral.persistence.BsonValues.date;
import static org.safebed.referral.persistence.BsonValues.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.safebed.referral.domain.Resident;
import org.safebed.referral.domain.ResidentRepository;
import org.safebed.referral.domain.ResidentStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Residents keyed by placement id. A check-in only ever inserts ({@code $setOnInsert}), a check-out
 * always sets: so whatever order the two events arrive in, and however often, the end state is
 * CHECKED_OUT once the check-out was seen.
 */
@Repository
public class MongoResidentRepository implements ResidentRepository {

  private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
  private static final int LOOKUP_SLICE = 1000;

  private final MongoTemplate mongo;

  public MongoResidentRepository(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  private MongoCollection<Document> residents() {
    return mongo.getCollection(CollectionNames.RESIDENTS);
  }

  @Override
  public Optional<Resident> find(String placementId) {
    return Optional.ofNullable(residents().find(eq("_id", placementId)).first())
        .map(d -> new Resident(d.getString("_id"), ResidentStatus.valueOf(d.getString("status")), d.getString("region")));
  }

  @Override
  public Map<String, Instant> checkedInAt(Collection<String> placementIds) {
    List<String> ids = List.copyOf(placementIds);
    Map<String, Instant> found = new HashMap<>();
    // In slices, so that no single query grows with the window.
    for (int from = 0; from < ids.size(); from += LOOKUP_SLICE) {
      List<String> slice = ids.subList(from, Math.min(ids.size(), from + LOOKUP_SLICE));
      residents().find(in("_id", slice)).projection(new Document("checkedInAt", 1)).forEach(d -> {
        Instant at = instant(d.get("checkedInAt"));
        if (at != null) {
          found.put(d.getString("_id"), at);
        }
      });
    }
    return found;
  }

  @Override
  public void recordCheckedIn(String placementId, String region, Instant at) {
    // Only the status is insert-only, so a check-out that arrived first still wins; the facts of the
    // check-in are kept whatever the order (the same values every time, so still idempotent).
    residents().updateOne(
        eq("_id", placementId),
        Updates.combine(
            Updates.setOnInsert("status", ResidentStatus.CHECKED_IN.name()),
            Updates.set("region", region),
            Updates.min("checkedInAt", date(at))),
        UPSERT);
  }

  @Override
  public void recordCheckedOut(String placementId, String reason, Instant at) {
    residents().updateOne(
        eq("_id", placementId),
        Updates.combine(
            Updates.set("status", ResidentStatus.CHECKED_OUT.name()),
            Updates.set("checkoutReason", reason),
            Updates.max("checkedOutAt", date(at))),
        UPSERT);
  }
}
