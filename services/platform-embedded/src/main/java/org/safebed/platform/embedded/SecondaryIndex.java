package org.safebed.platform.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A non-unique index for the in-memory server, which has none of its own (it accepts such indexes
 * and ignores them, so every query on another field than a unique key reads the whole
 * collection). It answers what a real MongoDB's index on the same fields answers first: an
 * equality (or {@code $in}) on the index's first field, at the top of the query or in a top-level
 * {@code $and}; the server then checks the rest of the query on each document found, as it does
 * for its unique indexes. So a sweep for the few held placements reads those, not every placement
 * ever made, as it would on a real MongoDB.
 *
 * <p>It can only ever give the server too many candidates, never too few: documents are kept
 * under every value of the field (each element of an array), a document without the field under
 * none, and it declines queries it cannot answer exactly that way (null, arrays, documents and
 * patterns as values, operators other than {@code $eq} and {@code $in}), which then read the
 * whole collection as before. Candidates come in position order, the order a whole-collection
 * read returns them in.
 */
final class SecondaryIndex extends Index<Integer> {

  private static final String ID = "_id";

  private final String field;
  /** Reads the field's values as the server's unique indexes do (numbers normalised, arrays expanded). */
  private final Index<Integer> valuesOfField;
  private final Map<KeyValue, TreeSet<Integer>> positionsByValue = new HashMap<>();
  private final Map<Object, Integer> positionById = new HashMap<>();

  SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.field = keys.getFirst().getKey();
    this.valuesOfField = new EmptyIndex<>(name, List.of(keys.getFirst()));
  }

  @Override
  public Integer getPosition(Document document) {
    return null; // the unique _id index places documents
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Integer> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
    positionById.put(document.get(ID), position);
    for (KeyValue value : valuesOf(document)) {
      positionsByValue.computeIfAbsent(value, v -> new TreeSet<>()).add(position);
    }
  }

  @Override
  public synchronized Integer remove(Document document) {
    Integer position = positionById.remove(document.get(ID));
    if (position != null) {
      forget(valuesOf(document), position);
    }
    return position;
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
    // not unique: nothing to refuse
  }

  @Override
  public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
      MongoCollection<Integer> collection) {
    Set<KeyValue> before = valuesOf(oldDocument);
    Set<KeyValue> after = valuesOf(newDocument);
    if (!before.equals(after)) {
      forget(before, position);
      for (KeyValue value : after) {
        positionsByValue.computeIfAbsent(value, v -> new TreeSet<>()).add(position);
      }
    }
  }

  @Override
  public synchronized boolean canHandle(Document query) {
    return queriedValues(query) != null;
  }

  @Override
  public synchronized Iterable<Integer> getPositions(Document query) {
    List<Object> values = queriedValues(query);
    if (values == null) {
      throw new IllegalStateException("not a query this index answers: " + query.keySet());
    }
    TreeSet<Integer> positions = new TreeSet<>();
    for (Object value : values) {
      for (KeyValue key : valuesOf(withField(value))) {
        positions.addAll(positionsByValue.getOrDefault(key, new TreeSet<>()));
      }
    }
    return new ArrayList<>(positions);
  }

  @Override
  public synchronized long getCount() {
    return positionById.size();
  }

  @Override
  public long getDataSize() {
    return 0;
  }

  @Override
  public synchronized void drop() {
    positionsByValue.clear();
    positionById.clear();
  }

  private void forget(Set<KeyValue> values, Integer position) {
    for (KeyValue value : values) {
      TreeSet<Integer> positions = positionsByValue.get(value);
      if (positions != null) {
        positions.remove(position);
        if (positions.isEmpty()) {
          positionsByValue.remove(value);
        }
      }
    }
  }

  /** The document's values of the field, none if it has no such field (a missing value is never queried here). */
  private Set<KeyValue> valuesOf(Document document) {
    Set<KeyValue> values = new java.util.HashSet<>(valuesOfField.getKeyValues(document));
    values.removeIf(value -> value.stream().anyMatch(SecondaryIndex::isMissing));
    return values;
  }

  private static boolean isMissing(Object value) {
    return value == null || value instanceof Missing;
  }

  /** A document holding {@code value} at the field's path, to read it as documents are read. */
  private Document withField(Object value) {
    String[] path = field.split("\\.");
    Document document = new Document(path[path.length - 1], value);
    for (int i = path.length - 2; i >= 0; i--) {
      document = new Document(path[i], document);
    }
    return document;
  }

  /**
   * The values the query asks the field to equal (any of), or {@code null} when it does not ask
   * that in a way this index answers exactly.
   */
  private List<Object> queriedValues(Document query) {
    List<Object> conditions = new ArrayList<>();
    collectConditions(query, conditions);
    for (Object condition : conditions) {
      List<Object> values = equalities(condition);
      if (values != null) {
        return values;
      }
    }
    return null;
  }

  /** The conditions on the field, at the top of the query and in top-level {@code $and}s. */
  private void collectConditions(Document query, List<Object> conditions) {
    for (Map.Entry<String, Object> entry : query.entrySet()) {
      if (entry.getKey().equals(field)) {
        conditions.add(entry.getValue());
      } else if (entry.getKey().equals("$and") && entry.getValue() instanceof Collection<?> all) {
        for (Object part : all) {
          if (part instanceof Document document) {
            collectConditions(document, conditions);
          }
        }
      }
    }
  }

  private static List<Object> equalities(Object condition) {
    if (isPlainValue(condition)) {
      return List.of(condition);
    }
    if (condition instanceof Document operator && operator.size() == 1) {
      Object operand = operator.get("$eq");
      if (operand != null && isPlainValue(operand)) {
        return List.of(operand);
      }
      if (operator.get("$in") instanceof Collection<?> options
          && options.stream().allMatch(SecondaryIndex::isPlainValue)) {
        return List.copyOf(options);
      }
    }
    return null;
  }

  /** A value an equality matches only where the field holds it (or an array holding it). */
  private static boolean isPlainValue(Object value) {
    return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
        && !(value instanceof Pattern) && !(value instanceof BsonRegularExpression)
        && !value.getClass().isArray() && !isMissing(value);
  }
}
