package org.safebed.platform.embedded;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The queries the embedded MongoDB answered by reading a whole collection, by collection and query
 * shape (field names and operators, never values: a value may be personal data).
 *
 * <p>The wire-protocol server uses an index only when a filter has exactly the keys of a unique
 * index; anything else reads every document. On the hold path such a read costs more with every
 * placement ever made, so the hold path must have none; this is how tests and the benchmark see
 * which ones remain.
 */
public final class FullScans {

  /** One query shape on one collection: how often it scanned, and how many documents it read. */
  public record Scan(String database, String collection, String shape, long times, long documentsRead) {}

  private record Counters(LongAdder times, LongAdder documents) {
    Counters() {
      this(new LongAdder(), new LongAdder());
    }
  }

  private final Map<String, Map<String, Counters>> byCollection = new ConcurrentHashMap<>();

  void record(String database, String collection, Object query, int documents) {
    Counters counters = byCollection
        .computeIfAbsent(database + "." + collection, name -> new ConcurrentHashMap<>())
        .computeIfAbsent(QueryShapes.of(query), shape -> new Counters());
    counters.times().increment();
    counters.documents().add(documents);
  }

  /** Every scan since the last {@link #clear()}, the most documents read first. */
  public List<Scan> all() {
    return byCollection.entrySet().stream()
        .flatMap(collection -> collection.getValue().entrySet().stream()
            .map(shape -> scan(collection.getKey(), shape.getKey(), shape.getValue())))
        .sorted(Comparator.comparingLong(Scan::documentsRead).reversed().thenComparing(Scan::shape))
        .collect(Collectors.toList());
  }

  /** The scans of one database's collections, the most documents read first. */
  public List<Scan> of(String database, List<String> collections) {
    return all().stream()
        .filter(scan -> scan.database().equals(database) && collections.contains(scan.collection()))
        .toList();
  }

  private static Scan scan(String qualifiedCollection, String shape, Counters counters) {
    int dot = qualifiedCollection.indexOf('.');
    return new Scan(qualifiedCollection.substring(0, dot), qualifiedCollection.substring(dot + 1), shape,
        counters.times().sum(), counters.documents().sum());
  }

  public void clear() {
    byCollection.clear();
  }
}
