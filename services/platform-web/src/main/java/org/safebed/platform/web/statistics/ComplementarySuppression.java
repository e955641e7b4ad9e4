package org.safebed.platform.web.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which cells of a statistics table to leave out. A count below the minimum can point at a person,
 * so it is suppressed (primary suppression); but a suppressed cell that is the only unknown of a
 * sum the table shows (in-service beds = held + occupied + available; referrals by status add up to
 * the referrals counted) is worked out by subtraction. So more cells are suppressed (secondary
 * suppression) until, in every relation (a total and its parts):
 * <ul>
 *   <li>no cell is the only one suppressed: one equation with two unknowns gives neither;
 *   <li>when the total is shown, the suppressed parts add up to at least the minimum: they add up
 *       to what the total leaves, and a sum of 0 would give every one of them away (counts are
 *       never negative), a sum of 2 would put each below 3. At least the minimum, and a suppressed
 *       part could be anything from 0 to that, which is no more than "suppressed" says anyway.
 * </ul>
 * A cell may take part in several relations (a total shared by two breakdowns); the rule runs
 * until no relation changes. Each added cell is the smallest shown part (the total only when no
 * part is left), so the least is hidden, and ties go to the cell named first, so the same figures
 * always hide the same cells.
 *
 * @param minimum the smallest count shown
 */
public record ComplementarySuppression(int minimum) {

  /**
   * @param counts every cell's true count, by name
   * @param relations groups of cells bound by one sum: the total first, then its parts
   * @return the names of the cells to show as suppressed
   */
  public <K> Set<K> suppressed(Map<K, Long> counts, Collection<? extends List<K>> relations) {
    Set<K> hidden = new LinkedHashSet<>();
    counts.forEach((cell, count) -> {
      if (count < minimum) {
        hidden.add(cell);
      }
    });
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<K> relation : relations) {
        if (givesAway(relation, counts, hidden)) {
          Optional<K> next = smallestShown(relation.subList(1, relation.size()), counts, hidden)
              .or(() -> smallestShown(relation.subList(0, 1), counts, hidden));
          if (next.isPresent()) {
            hidden.add(next.get());
            changed = true;
          }
        }
      }
    }
    return hidden;
  }

  private <K> boolean givesAway(List<K> relation, Map<K, Long> counts, Set<K> hidden) {
    List<K> suppressedCells = relation.stream().filter(hidden::contains).toList();
    if (suppressedCells.isEmpty()) {
      return false;
    }
    if (suppressedCells.size() == 1) {
      return true;
    }
    boolean totalShown = !hidden.contains(relation.getFirst());
    return totalShown && suppressedCells.stream().mapToLong(counts::get).sum() < minimum;
  }

  private static <K> Optional<K> smallestShown(Collection<K> relation, Map<K, Long> counts, Set<K> hidden) {
    List<K> shown = new ArrayList<>(relation.stream().filter(cell -> !hidden.contains(cell)).toList());
    return shown.stream().min(Comparator.comparingLong(counts::get)); // min keeps the first of equals
  }
}
