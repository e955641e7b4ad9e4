package org.safebed.platform.web.sealing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Re-seals every value a service declared ({@link SealedField}) that is still sealed with a previous
 * key. Each value is replaced by one conditional update on its old ciphertext, so a write that
 * changed the value meanwhile is never overwritten; run it again until nothing is left, then drop
 * the previous key from the configuration. Copies kept elsewhere ({@link SealedCopies}) are rebuilt
 * from the re-sealed originals at the end of each run.
 */
public final class SealedFieldRotation {

  private final MongoTemplate mongo;
  private final FieldSealer sealer;
  private final List<SealedField> fields;
  private final List<SealedCopies> copies;

  public SealedFieldRotation(MongoTemplate mongo, FieldSealer sealer, List<SealedField> fields) {
    this(mongo, sealer, fields, List.of());
  }

  public SealedFieldRotation(
      MongoTemplate mongo, FieldSealer sealer, List<SealedField> fields, List<SealedCopies> copies) {
    this.mongo = mongo;
    this.sealer = sealer;
    this.fields = List.copyOf(fields);
    this.copies = List.copyOf(copies);
  }

  /** How many values of each declared field are sealed under each key id. */
  public Map<String, Map<String, Long>> keyUsage() {
    Map<String, Map<String, Long>> usage = new LinkedHashMap<>();
    for (SealedField field : fields) {
      Map<String, Long> byKey = new LinkedHashMap<>();
      for (Document document : mongo.getCollection(field.collection())
          .find(regex(field.storedPath(), "^v1:"))
          .projection(Projections.include(field.storedPath()))) {
        String sealed = valueAt(document, field.storedPath());
        if (sealed != null) {
          byKey.merge(sealed.split(":", 3)[1], 1L, Long::sum);
        }
      }
      usage.put(field.collection() + "." + field.storedPath(), byKey);
    }
    return usage;
  }

  /** Re-seals with the current key; returns how many values were rewritten. */
  public long resealAll() {
    long rewritten = 0;
    for (SealedField field : fields) {
      for (Document document : mongo.getCollection(field.collection())
          .find(regex(field.storedPath(), "^" + Pattern.quote("v1:")))
          .projection(Projections.include(field.storedPath()))) {
        String sealed = valueAt(document, field.storedPath());
        if (sealed == null || !sealer.needsResealing(sealed)) {
          continue;
        }
        Object id = document.get("_id");
        String fresh = sealer.reseal(sealed, String.valueOf(id), field.label());
        rewritten += mongo.getCollection(field.collection())
            .updateOne(and(eq("_id", id), eq(field.storedPath(), sealed)), Updates.set(field.storedPath(), fresh))
            .getModifiedCount();
      }
    }
    for (SealedCopies copy : copies) {
      rewritten += copy.rebuildFromOriginals();
    }
    return rewritten;
  }

  private static String valueAt(Document document, String dottedPath) {
    Object current = document;
    for (String part : dottedPath.split("\\.")) {
      if (!(current instanceof Document nested)) {
        return null;
      }
      current = nested.get(part);
    }
    return current instanceof String s ? s : null;
  }
}
