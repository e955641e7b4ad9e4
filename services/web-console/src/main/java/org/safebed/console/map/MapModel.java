package org.safebed.console.map;

import org.safebed.console.web.Person;
import org.safebed.platform.web.security.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The map for the pages that have one. Its script is in every police page's head, not only the
 * form's: a page reached by a boosted link keeps the head it was opened with.
 */
@ControllerAdvice
class MapModel {

  private final MapProperties map;

  MapModel(MapProperties map) {
    this.map = map;
  }

  @ModelAttribute
  void map(Model model) {
    model.addAttribute("map", map);
    model.addAttribute("mapScripts", map.enabled() && Person.current().is(Role.POLICE));
  }
}
