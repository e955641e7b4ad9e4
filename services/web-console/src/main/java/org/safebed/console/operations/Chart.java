package org.safebed.console.operations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One chart as the page's script draws it: categories along the bottom and a bar per series in
 * each. A value the service suppressed is {@code null}: no bar, never a guess.
 */
record Chart(List<String> categories, List<Series> series) {

  record Series(String label, List<Number> values) {
    static Series of(String label, Number... values) {
      return new Series(label, new ArrayList<>(Arrays.asList(values)));
    }
  }

  /** Something to draw: at least one value the service gave. */
  boolean drawable() {
    return series.stream().flatMap(s -> s.values().stream()).anyMatch(value -> value != null);
  }
}
