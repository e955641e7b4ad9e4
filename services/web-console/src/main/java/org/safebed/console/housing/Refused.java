package org.safebed.console.housing;

import java.util.Map;
import java.util.function.Supplier;
import org.safebed.console.services.ServiceRefusal;

/**
 * A refusal of one of her actions that has a plainer explanation than the general one for its
 * status (a unit in use, an offer gone): she is sent back to the page she acted on, which says
 * it by a fixed code in its address, never by the service's text. Other refusals go to the
 * console's general failure page.
 */
final class Refused {

  private Refused() {}

  /** {@code whenRefused} maps a refusal status to the problem code the page knows. */
  static String redirect(String back, Map<Integer, String> whenRefused, Supplier<?> action) {
    try {
      action.get();
      return "redirect:" + back;
    } catch (ServiceRefusal refusal) {
      String problem = whenRefused.get(refusal.status());
      if (problem == null) {
        throw refusal;
      }
      return "redirect:" + back + "?problem=" + problem;
    }
  }
}
