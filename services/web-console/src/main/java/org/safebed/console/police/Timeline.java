package org.safebed.console.police;

import java.util.ArrayList;
import java.util.List;
import org.safebed.console.services.model.Placement;

/**
 * A placement's way to a bed as police follow it: requested, bed held, driver assigned, picked up,
 * delivered, checked in. Each step is done, the current one, or still to come; a placement that
 * ended another way (cancelled, hold expired) says so instead of the steps it never reached.
 */
public record Timeline(List<Step> steps) {

  public enum State { DONE, CURRENT, TODO }

  /** {@code key} names the step's text in the messages ({@code timeline.<key>}). */
  public record Step(String key, State state) {}

  private static final List<String> STEPS = List.of("held", "assigned", "picked-up", "delivered", "checked-in");

  public static Timeline of(Placement placement) {
    int reached = reached(placement);
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < STEPS.size(); i++) {
      State state = i < reached ? State.DONE : i == reached ? State.CURRENT : State.TODO;
      steps.add(new Step(STEPS.get(i), state));
    }
    return new Timeline(List.copyOf(steps));
  }

  /** How many steps are behind her: 0 while a bed is being found, 5 once she is checked in. */
  private static int reached(Placement placement) {
    if ("CHECKED_IN".equals(placement.status()) || "CHECKED_OUT".equals(placement.status())) {
      return STEPS.size();
    }
    if (!placement.held()) {
      return 0;
    }
    String transport = placement.transport() == null ? "NOT_ASSIGNED" : placement.transport().status();
    return switch (transport) {
      case "ASSIGNED" -> 2;
      case "PICKED_UP" -> 3;
      case "DELIVERED" -> 4;
      default -> 1;
    };
  }
}
