package org.safebed.platform.web.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplementarySuppressionTest {

  private final ComplementarySuppression rule = new ComplementarySuppression(5);

  /** One region's beds: in service = held + occupied + available. */
  private static final List<List<String>> BEDS = List.of(List.of("inService", "held", "occupied", "available"));

  /** A total shared by two breakdowns, as referrals by status and by number of offers. */
  private static final List<List<String>> TWO_BREAKDOWNS =
      List.of(List.of("total", "open", "offered", "movedIn"), List.of("total", "none", "one", "more"));

  @Test
  void aSingleSmallCellOfASumIsNotLeftAloneTheSmallestOtherCellGoesWithIt() {
    Map<String, Long> beds = counts("inService", 20, "held", 2, "occupied", 10, "available", 8);
    // Hiding only the small count: 20 - 10 - 8 = 2 held beds.
    assertThat(derivable(beds, Set.of("held"), BEDS)).containsExactly("held");

    Set<String> hidden = rule.suppressed(beds, BEDS);

    assertThat(hidden).containsExactlyInAnyOrder("held", "available");
    assertThat(derivable(beds, hidden, BEDS)).isEmpty();
  }

  @Test
  void aSmallTotalTakesItsPartsAlong() {
    Map<String, Long> few = counts("inService", 4, "held", 1, "occupied", 3, "available", 0);
    assertThat(rule.suppressed(few, BEDS)).containsExactlyInAnyOrder("inService", "held", "occupied", "available");
  }

  @Test
  void suppressedPartsOfAShownTotalAddUpToAtLeastTheMinimum() {
    Map<String, Long> enough = counts("inService", 30, "held", 2, "occupied", 3, "available", 25);
    assertThat(rule.suppressed(enough, BEDS)).containsExactlyInAnyOrder("held", "occupied");
    assertThat(derivable(enough, Set.of("held", "occupied"), BEDS)).isEmpty();

    // 1 + 0 held and occupied: 20 - 19 = 1 between them says too much; none at all, everything.
    Map<String, Long> one = counts("inService", 20, "held", 1, "occupied", 0, "available", 19);
    assertThat(derivable(one, Set.of("held", "occupied"), BEDS)).containsExactlyInAnyOrder("held", "occupied");
    Set<String> hidden = rule.suppressed(one, BEDS);
    assertThat(hidden).containsExactlyInAnyOrder("held", "occupied", "available");
    assertThat(derivable(one, hidden, BEDS)).isEmpty();
  }

  @Test
  void nothingSmallNothingHidden() {
    assertThat(rule.suppressed(counts("inService", 30, "held", 5, "occupied", 10, "available", 15), BEDS)).isEmpty();
  }

  @Test
  void aCellHiddenForOneBreakdownIsCoveredInTheOtherToo() {
    // "one" is small; the smallest other cell of its breakdown is the total, which the status
    // breakdown then leaves as its only unknown unless another cell goes too.
    Map<String, Long> referrals = counts("total", 12, "open", 6, "offered", 6, "movedIn", 0, "none", 8, "one", 2, "more", 2);
    Map<String, Long> shared = counts("total", 9, "open", 9, "offered", 0, "movedIn", 0, "none", 5, "one", 4, "more", 0);
    for (Map<String, Long> table : List.of(referrals, shared)) {
      Set<String> hidden = rule.suppressed(table, TWO_BREAKDOWNS);
      assertThat(derivable(table, hidden, TWO_BREAKDOWNS)).as(table + " hiding " + hidden).isEmpty();
    }
  }

  @Test
  void noSuppressedCountCanBeWorkedOutInAnyOfManyRandomTables() {
    Random random = new Random(16);
    for (int round = 0; round < 150; round++) {
      Map<String, Long> table = new LinkedHashMap<>();
      long open = random.nextInt(7);
      long offered = random.nextInt(7);
      long movedIn = random.nextInt(7);
      long total = open + offered + movedIn;
      long none = random.nextLong(total + 1);
      long one = random.nextLong(total - none + 1);
      table.putAll(counts("total", total, "open", open, "offered", offered, "movedIn", movedIn, "none", none, "one", one,
          "more", total - none - one));
      Set<String> hidden = rule.suppressed(table, TWO_BREAKDOWNS);
      assertThat(hidden).as("every small count").containsAll(
          table.entrySet().stream().filter(e -> e.getValue() < 5).map(Map.Entry::getKey).toList());
      assertThat(derivable(table, hidden, TWO_BREAKDOWNS)).as(table + " hiding " + hidden).isEmpty();
    }
  }

  /**
   * The hidden cells narrowed to fewer than five values by the tables that agree with what is
   * shown: counts of at least zero, at most the largest sum, with every relation adding up. Found
   * by trying every assignment, which the small tables here allow.
   */
  private static Set<String> derivable(Map<String, Long> table, Set<String> hidden, List<List<String>> relations) {
    List<String> unknown = new ArrayList<>(hidden);
    // What an observer may assume at most: nothing she can see, and never less than the minimum.
    long bound = Math.max(5, table.values().stream().mapToLong(Long::longValue).max().orElse(0));
    Map<String, Set<Long>> possible = new HashMap<>();
    unknown.forEach(cell -> possible.put(cell, new HashSet<>()));
    assign(table, unknown, 0, new HashMap<>(), bound, relations, possible);
    // Narrowed to fewer values than "below 5" leaves open (0 to 4) counts as worked out too.
    return possible.entrySet().stream().filter(e -> e.getValue().size() < 5).map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  private static void assign(Map<String, Long> table, List<String> unknown, int next, Map<String, Long> guess,
      long bound, List<List<String>> relations, Map<String, Set<Long>> possible) {
    if (next == unknown.size()) {
      if (relations.stream().allMatch(relation -> holds(relation, table, guess))) {
        guess.forEach((cell, value) -> possible.get(cell).add(value));
      }
      return;
    }
    for (long value = 0; value <= bound; value++) {
      guess.put(unknown.get(next), value);
      Set<String> known = new HashSet<>(unknown.subList(0, next + 1));
      boolean consistent = relations.stream()
          .filter(relation -> relation.stream().allMatch(c -> !unknown.contains(c) || known.contains(c)))
          .allMatch(relation -> holds(relation, table, guess));
      if (consistent) {
        assign(table, unknown, next + 1, guess, bound, relations, possible);
      }
    }
    guess.remove(unknown.get(next));
  }

  /** The first cell of a relation is the total of the others. */
  private static boolean holds(List<String> relation, Map<String, Long> table, Map<String, Long> guess) {
    long total = guess.getOrDefault(relation.get(0), table.get(relation.get(0)));
    long parts = relation.subList(1, relation.size()).stream().mapToLong(c -> guess.getOrDefault(c, table.get(c))).sum();
    return total == parts;
  }

  private static Map<String, Long> counts(Object... namesAndCounts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < namesAndCounts.length; i += 2) {
      counts.put((String) namesAndCounts[i], ((Number) namesAndCounts[i + 1]).longValue());
    }
    return counts;
  }
}
