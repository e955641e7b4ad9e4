package org.safebed.platform.embedded;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The commands the embedded MongoDB answered, by command and collection: each one is a round trip
 * that a request pays for twice (the driver's side and the server's).
 */
public final class MongoCommands {

  /** How often one command ran on one collection ({@code collection} empty for server commands). */
  public record Count(String command, String collection, long times) {}

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void record(String command, Object collection) {
    String key = command + " " + (collection instanceof String name ? name : "");
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  /** Every command since the last {@link #clear()}, the most frequent first. */
  public List<Count> all() {
    return counts.entrySet().stream()
        .map(entry -> {
          String[] key = entry.getKey().split(" ", 2);
          return new Count(key[0], key[1], entry.getValue().sum());
        })
        .sorted(Comparator.comparingLong(Count::times).reversed().thenComparing(Count::command))
        .toList();
  }

  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public void clear() {
    counts.clear();
  }
}
