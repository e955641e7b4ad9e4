package org.safebed.platform.web.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class SealedFieldRotationTest {

  private MongoServer server;
  private MongoClient client;
  private MongoTemplate mongo;
  private final byte[] oldKey = key();
  private final byte[] newKey = key();
  private final List<SealedField> fields = List.of(
      new SealedField("shelters", "sealedAddress", "address"),
      new SealedField("shelters", "secrets.location", "location"));

  private static byte[] key() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    mongo = new MongoTemplate(client, "rotation");
    FieldSealer before = new FieldSealer(oldKey, "k1");
    for (int i = 0; i < 5; i++) {
      String id = "shelter-" + i;
      mongo.getCollection("shelters").insertOne(new Document("_id", id)
          .append("sealedAddress", before.seal(i + " Sentier Fictif", id, "address"))
          .append("secrets", new Document("location", before.seal("48.1,2." + i, id, "location"))));
    }
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void resealsEveryDeclaredValueSoTheOldKeyCanBeDropped() {
    FieldSealer during = new FieldSealer("k2", Map.of("k1", oldKey, "k2", newKey));
    SealedFieldRotation rotation = new SealedFieldRotation(mongo, during, fields);
    assertThat(rotation.keyUsage().get("shelters.sealedAddress")).isEqualTo(Map.of("k1", 5L));

    assertThat(rotation.resealAll()).isEqualTo(10);
    assertThat(rotation.resealAll()).isZero();
    assertThat(rotation.keyUsage().get("shelters.secrets.location")).isEqualTo(Map.of("k2", 5L));

    FieldSealer after = new FieldSealer(newKey, "k2");
    Document third = mongo.getCollection("shelters").find(new Document("_id", "shelter-3")).first();
    assertThat(after.unseal(third.getString("sealedAddress"), "shelter-3", "address")).isEqualTo("3 Sentier Fictif");
    assertThat(after.unseal(third.get("secrets", Document.class).getString("location"), "shelter-3", "location"))
        .isEqualTo("48.1,2.3");
  }

  @Test
  void copiesKeptElsewhereAreRebuiltFromTheResealedOriginals() {
    FieldSealer during = new FieldSealer("k2", Map.of("k1", oldKey, "k2", newKey));
    // An index keeping each shelter's sealed address under a path named after the shelter.
    SealedCopies index = () -> {
      int changed = 0;
      for (Document shelter : mongo.getCollection("shelters").find()) {
        changed += (int) mongo.getCollection("index").replaceOne(new Document("_id", shelter.getString("_id")),
            new Document("copy", shelter.getString("sealedAddress")),
            new com.mongodb.client.model.ReplaceOptions().upsert(true)).getModifiedCount();
      }
      return changed;
    };
    index.rebuildFromOriginals();
    SealedFieldRotation rotation = new SealedFieldRotation(mongo, during, fields, List.of(index));

    assertThat(rotation.resealAll()).isEqualTo(10 + 5);

    for (Document copy : mongo.getCollection("index").find()) {
      assertThat(copy.getString("copy")).startsWith("v1:k2:");
    }
  }
}
