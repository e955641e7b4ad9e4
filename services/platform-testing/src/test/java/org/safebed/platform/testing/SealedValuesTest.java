package org.safebed.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SealedValuesTest {

  @Test
  void everySealedValueIsFoundWhereverItIsStored() {
    try (MongoClient client = MongoClients.create(TestMongo.baseUri())) {
      MongoDatabase database = client.getDatabase("sealed_" + UUID.randomUUID().toString().substring(0, 8));
      database.getCollection("shelters").insertOne(new Document("_id", "s-1")
          .append("sealedAddress", "v1:k1:aaa")
          .append("name", "Synthetic shelter")
          .append("secrets", new Document("location", "v1:k1:bbb"))
          .append("copies", List.of("plain", new Document("copy", "v1:k2:ccc"))));
      database.getCollection("cells").insertOne(new Document("_id", 7).append("note", "v2 is not a sealed value"));

      assertThat(SealedValues.in(database)).containsOnly(
          org.assertj.core.api.Assertions.entry("shelters/s-1.sealedAddress", "v1:k1:aaa"),
          org.assertj.core.api.Assertions.entry("shelters/s-1.secrets.location", "v1:k1:bbb"),
          org.assertj.core.api.Assertions.entry("shelters/s-1.copies.1.copy", "v1:k2:ccc"));
    }
  }
}
