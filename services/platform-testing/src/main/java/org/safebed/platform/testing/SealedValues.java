package org.safebed.platform.testing;

import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Every sealed value a service stored, found without knowing where it is: a key rotation test
 * proves that none is left under the old key, whatever field or copy holds it.
 */
public final class SealedValues {

  /** How every value sealed by platform-web's {@code FieldSealer} begins (its format's version). */
  private static final String SEALED = "v1:";

  private SealedValues() {}

  /** The sealed values of every document of every collection, by {@code collection/_id.path.to.field}. */
  public static Map<String, String> in(MongoDatabase database) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String collection : database.listCollectionNames()) {
      for (Document document : database.getCollection(collection).find()) {
        collect(collection + "/" + document.get("_id"), document, found);
      }
    }
    return found;
  }

  private static void collect(String path, Object value, Map<String, String> found) {
    if (value instanceof String s && s.startsWith(SEALED)) {
      found.put(path, s);
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, nested) -> collect(path + "." + key, nested, found));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(path + "." + i, list.get(i), found);
      }
    }
  }
}
