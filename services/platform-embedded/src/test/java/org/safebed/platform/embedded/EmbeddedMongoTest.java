package org.safebed.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

  @Test
  void inMemoryServerStoresAndFindsDocuments() {
    try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
        MongoClient client = MongoClients.create(mongo.uri())) {
      assertThat(mongo.uri()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
      assertThat(mongo.port()).isPositive();

      MongoCollection<Document> beds = client.getDatabase("shelter_occupancy").getCollection("beds");
      beds.insertOne(new Document("_id", "bed-1").append("status", "AVAILABLE"));

      assertThat(beds.find(Filters.eq("status", "AVAILABLE")).first())
          .containsEntry("_id", "bed-1");
      assertThat(beds.countDocuments(Filters.eq("status", "HELD"))).isZero();
    }
  }

  @Test
  void fileBackedDataSurvivesARestart(@TempDir Path dir) {
    Path dataFile = dir.resolve("nested/mongo.mv");

    try (EmbeddedMongo mongo = EmbeddedMongo.start(0, dataFile);
        MongoClient client = MongoClients.create(mongo.uri())) {
      client.getDatabase("transport").getCollection("jobs")
          .insertOne(new Document("_id", "job-1").append("state", "ASSIGNED"));
    }

    try (EmbeddedMongo mongo = EmbeddedMongo.start(0, dataFile);
        MongoClient client = MongoClients.create(mongo.uri())) {
      assertThat(client.getDatabase("transport").getCollection("jobs").find().first())
          .containsEntry("_id", "job-1")
          .containsEntry("state", "ASSIGNED");
    }
  }

  @Test
  void inMemoryDataIsGoneAfterARestart() {
    int port;
    try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
        MongoClient client = MongoClients.create(mongo.uri())) {
      port = mongo.port();
      client.getDatabase("db").getCollection("c").insertOne(new Document("_id", 1));
    }

    try (EmbeddedMongo mongo = EmbeddedMongo.start(port, null);
        MongoClient client = MongoClients.create(mongo.uri())) {
      assertThat(mongo.port()).isEqualTo(port);
      assertThat(client.getDatabase("db").getCollection("c").countDocuments()).isZero();
    }
  }

  @Test
  void aTakenPortFailsFast() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThatThrownBy(() -> EmbeddedMongo.start(taken.getLocalPort(), null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(String.valueOf(taken.getLocalPort()));
    }
  }
}
