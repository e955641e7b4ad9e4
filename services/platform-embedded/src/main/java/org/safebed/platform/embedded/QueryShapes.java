package org.safebed.platform.embedded;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A query's shape: its field names and operators with every value replaced by {@code ?}. */
final class QueryShapes {

  private QueryShapes() {}

  static String of(Object query) {
    if (query instanceof Map<?, ?> document) {
      return document.entrySet().stream()
          .map(entry -> entry.getKey() + ": " + of(entry.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (query instanceof List<?> list) {
      // Operators such as $or and $and hold documents; $in holds values.
      return list.stream().anyMatch(Map.class::isInstance)
          ? list.stream().map(QueryShapes::of).distinct().collect(Collectors.joining(", ", "[", "]"))
          : "[?]";
    }
    return "?";
  }
}
