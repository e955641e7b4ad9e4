package org.safebed.platform.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's non-unique indexes answer exactly what a whole-collection read answers, in
 * the same order, through every kind of write: a collection with the indexes and a twin without
 * them get the same random writes, and every query gets the same answer from both. The indexed
 * queries read no whole collection.
 */
class SecondaryIndexTest {

  private static final List<Object> STATUSES = List.of("HELD", "PENDING", "CANCELLED", "WAITLISTED");

  @Test
  void indexedQueriesAnswerAsAWholeCollectionReadDoesThroughRandomWrites() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
        MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> indexed = client.getDatabase("db").getCollection("indexed");
      MongoCollection<Document> plain = client.getDatabase("db").getCollection("plain");
      indexed.createIndex(Indexes.ascending("status", "expiresAt"));
      indexed.createIndex(Indexes.ascending("status", "createdAt")); // same first field: one index serves both
      indexed.createIndex(Indexes.ascending("hold.shelterId"));
      indexed.createIndex(Indexes.ascending("tags"));
      indexed.createIndex(Indexes.ascending("rank"));
      indexed.createIndex(Indexes.ascending("pending.eventId"), new IndexOptions().sparse(true));
      Random random = new Random(20261208);

      for (int round = 0; round < 60; round++) {
        for (int write = 0; write < 40; write++) {
          Write next = randomWrite(random, round * 100 + write);
          next.applyTo(indexed);
          next.applyTo(plain);
        }
        for (Bson query : queries(random)) {
          mongo.fullScans().clear();
          List<Document> fromIndex = indexed.find(query).into(new ArrayList<>());
          assertThat(fromIndex).as("round %d, %s", round, query).isEqualTo(plain.find(query).into(new ArrayList<>()));
          if (answeredByIndex(query)) {
            assertThat(mongo.fullScans().of("db", List.of("indexed"))).as("%s read the whole collection", query).isEmpty();
          }
          // A count is an aggregation, which the server answers by reading the collection: the same number.
          assertThat(indexed.countDocuments(query)).isEqualTo(fromIndex.size());
        }
      }
      assertThat(indexed.countDocuments()).isEqualTo(plain.countDocuments()).isPositive();
    }
  }

  @Test
  void anIndexCreatedAgainAsAServiceStartingAgainDoesIsAccepted() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
        MongoClient client = MongoClients.create(mongo.uri())) {
      MongoCollection<Document> beds = client.getDatabase("db").getCollection("beds");
      beds.insertOne(new Document("_id", "bed-1").append("shelterId", "s-1").append("status", "AVAILABLE"));
      beds.createIndex(Indexes.ascending("shelterId", "status"));
      beds.createIndex(Indexes.ascending("shelterId", "status"));
      beds.createIndex(Indexes.ascending("status"), new IndexOptions().sparse(true));
      beds.createIndex(Indexes.ascending("status"), new IndexOptions().sparse(true));

      mongo.fullScans().clear();
      assertThat(beds.find(eq("shelterId", "s-1")).into(new ArrayList<>())).hasSize(1);
      assertThat(beds.find(eq("status", "AVAILABLE")).into(new ArrayList<>())).hasSize(1);
      assertThat(mongo.fullScans().all()).as("the documents indexed before the index was made are found by it").isEmpty();
    }
  }

  /** A write applied the same way to both collections. */
  private interface Write {
    void applyTo(MongoCollection<Document> collection);
  }

  private static Write randomWrite(Random random, int n) {
    String id = "p-" + random.nextInt(120);
    return switch (random.nextInt(8)) {
      case 0, 1 -> {
        Document replacement = randomDocument(random, id, n);
        yield collection -> collection.replaceOne(eq("_id", id), replacement, new ReplaceOptions().upsert(true));
      }
      case 2 -> {
        Object status = randomStatus(random);
        yield collection -> collection.updateOne(eq("_id", id), status == null ? Updates.unset("status") : Updates.set("status", status));
      }
      case 3 -> {
        String shelter = "s-" + random.nextInt(5);
        yield collection -> collection.updateMany(eq("status", "HELD"), Updates.set("hold.shelterId", shelter));
      }
      case 4 -> collection -> collection.deleteOne(eq("_id", id));
      case 5 -> {
        Object status = STATUSES.get(random.nextInt(STATUSES.size()));
        yield collection -> collection.findOneAndUpdate(and(eq("_id", id), ne("status", "CANCELLED")),
            Updates.combine(Updates.set("status", status), Updates.inc("version", 1)),
            new FindOneAndUpdateOptions());
      }
      case 6 -> {
        String event = "e-" + n;
        yield collection -> collection.updateOne(eq("_id", id), Updates.push("pending", new Document("eventId", event)));
      }
      default -> collection -> collection.updateOne(eq("_id", id), Updates.unset("pending"));
    };
  }

  private static Document randomDocument(Random random, String id, int n) {
    Document document = new Document("_id", id).append("version", n);
    Object status = randomStatus(random);
    if (status != null || random.nextBoolean()) {
      document.append("status", status);
    }
    if (random.nextBoolean()) {
      document.append("hold", new Document("shelterId", "s-" + random.nextInt(5)).append("bedId", "b-" + n));
    }
    if (random.nextInt(3) == 0) {
      document.append("tags", List.of("t-" + random.nextInt(4), "t-" + random.nextInt(4)));
    } else if (random.nextBoolean()) {
      document.append("tags", "t-" + random.nextInt(4));
    }
    // The same number as an int, a long or a double: MongoDB's equality does not tell them apart.
    int rank = random.nextInt(3);
    document.append("rank", switch (random.nextInt(3)) {
      case 0 -> (Object) rank;
      case 1 -> (Object) (long) rank;
      default -> (Object) (double) rank;
    });
    document.append("expiresAt", random.nextInt(100));
    return document;
  }

  private static Object randomStatus(Random random) {
    int pick = random.nextInt(STATUSES.size() + 1);
    return pick == STATUSES.size() ? null : STATUSES.get(pick);
  }

  private static List<Bson> queries(Random random) {
    String status = (String) STATUSES.get(random.nextInt(STATUSES.size()));
    return List.of(
        eq("status", status),
        and(eq("status", "HELD"), lte("expiresAt", random.nextInt(100))),
        new Document("status", status).append("expiresAt", new Document("$lte", 50)),
        in("status", "HELD", "PENDING"),
        new Document("status", new Document("$eq", status)),
        eq("hold.shelterId", "s-" + random.nextInt(5)),
        and(eq("hold.shelterId", "s-1"), eq("status", "HELD")),
        eq("tags", "t-" + random.nextInt(4)),
        eq("rank", random.nextInt(3)),
        eq("rank", (double) random.nextInt(3)),
        exists("pending.eventId"),
        eq("pending.eventId", "e-" + random.nextInt(6000)),
        // Not answered by the index (null matches a missing field; arrays and $ne are not equalities):
        eq("status", null),
        eq("tags", List.of("t-1", "t-2")),
        ne("status", "HELD"),
        or(eq("status", "HELD"), eq("status", "PENDING")));
  }

  private static boolean answeredByIndex(Bson query) {
    String shape = query.toBsonDocument().toJson();
    return !shape.contains("null") && !shape.contains("$ne") && !shape.contains("$or") && !shape.contains("$exists")
        && !shape.contains("[\"t-1\", \"t-2\"]");
  }
}
