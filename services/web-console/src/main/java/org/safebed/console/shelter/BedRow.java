package org.safebed.console.shelter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safebed.console.services.model.Bed;

/** A bed as the board shows it: its number in the shelter (in the service's order) and the bed. */
public record BedRow(int number, Bed bed) {

  /** The board's order: free, held, occupied, out of service; retired beds are not shown. */
  static final List<String> STATES = List.of("AVAILABLE", "HELD", "OCCUPIED", "OUT_OF_SERVICE");

  /** Every state in the board's order, each with its beds (possibly none). */
  static Map<String, List<BedRow>> byState(List<Bed> beds) {
    Map<String, List<BedRow>> rows = new LinkedHashMap<>();
    STATES.forEach(state -> rows.put(state, new ArrayList<>()));
    for (int i = 0; i < beds.size(); i++) {
      List<BedRow> inState = rows.get(beds.get(i).status());
      if (inState != null) {
        inState.add(new BedRow(i + 1, beds.get(i)));
      }
    }
    return rows;
  }
}
