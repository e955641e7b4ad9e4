package org.safebed.occupancy.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.safebed.occupancy.domain.Bed;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which beds to look at for keep-apart rules, by keyed case token: one document per token, {@code
 * _id} the token, listing the beds whose occupant has that token ({@code occupiedBy}) and the beds
 * whose occupant must be kept apart from it ({@code avoidedBy}). Finding the beds that concern her
 * is then one read by {@code _id} (an index read on every MongoDB; the wire-protocol server would
 * read every bed for a query on the beds' own token fields) however many beds there are.
 *
 * <p>It is an index, not the truth: the beds themselves say who is in them, and every bed found
 * here is read and checked. So an entry may outlive its occupant (a crash between a bed's release
 * and the entry's removal), but must never be missing while she is in the bed: entries are written
 * before the bed is taken and removed only after it is freed.
 */
final class KeepApartIndex {

  static final String COLLECTION = "bed_keep_apart_tokens";
  private static final String OCCUPIED_BY = "occupiedBy";
  private static final String AVOIDED_BY = "avoidedBy";

  private final MongoTemplate mongo;

  KeepApartIndex(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Before the bed is taken: the occupant's tokens name it. */
  void add(String bedId, Bed.Occupant occupant) {
    change(bedId, occupant, true);
  }

  /** After the bed was freed, or when taking it failed. */
  void remove(String bedId, Bed.Occupant occupant) {
    change(bedId, occupant, false);
  }

  /**
   * Beds that may hold someone in a keep-apart relation with her: whoever has a token she is to be
   * kept apart from, and whoever is to be kept apart from her token. Candidates only: the caller
   * checks the beds.
   */
  Set<String> bedsConcerning(Bed.Occupant her) {
    List<String> tokens = new ArrayList<>(her.keepApart());
    if (her.caseToken() != null) {
      tokens.add(her.caseToken());
    }
    Set<String> beds = new LinkedHashSet<>();
    if (tokens.isEmpty()) {
      return beds;
    }
    for (Document token : collection().find(new Document("_id", new Document("$in", tokens)))) {
      String id = token.getString("_id");
      if (her.keepApart().contains(id)) {
        beds.addAll(token.getList(OCCUPIED_BY, String.class, List.of()));
      }
      if (id.equals(her.caseToken())) {
        beds.addAll(token.getList(AVOIDED_BY, String.class, List.of()));
      }
    }
    return beds;
  }

  /** All of the occupant's tokens in one round trip (one bulk write, each by {@code _id}). */
  private void change(String bedId, Bed.Occupant occupant, boolean add) {
    if (occupant == null) {
      return;
    }
    List<UpdateOneModel<Document>> updates = new ArrayList<>();
    if (occupant.caseToken() != null) {
      updates.add(update(occupant.caseToken(), OCCUPIED_BY, bedId, add));
    }
    for (String avoided : occupant.keepApart()) {
      updates.add(update(avoided, AVOIDED_BY, bedId, add));
    }
    if (!updates.isEmpty()) {
      collection().bulkWrite(updates);
    }
  }

  private static UpdateOneModel<Document> update(String token, String list, String bedId, boolean add) {
    Bson change = add ? Updates.addToSet(list, bedId) : Updates.pull(list, bedId);
    return new UpdateOneModel<>(new Document("_id", token), change, new UpdateOptions().upsert(add));
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
