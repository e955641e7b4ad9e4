package org.safebed.console.web;

import java.util.List;
import java.util.Set;
import org.safebed.platform.web.security.Role;

/**
 * Every screen of the console, in the order the menu shows them, with the roles that see each.
 * A new screen adds one line here; the page frame shows a person only the screens of her roles
 * (each controller still refuses anyone else: the menu is a convenience, not the gate).
 */
public final class Menu {

  /** One entry: where the screen is, the message key of its name, who sees it. */
  public record Screen(String path, String labelKey, Set<Role> roles) {

    boolean shownTo(Person person) {
      return roles.stream().anyMatch(person::is);
    }

    /** The screen the page belongs to: its own path or one below it. */
    boolean holds(String uri) {
      return uri.equals(path) || uri.startsWith(path + "/");
    }
  }

  static final List<Screen> SCREENS = List.of(
      new Screen("/console/police", "menu.police", Set.of(Role.POLICE)),
      new Screen("/console/driver", "menu.driver", Set.of(Role.DRIVER)),
      new Screen("/console/arrivals", "menu.arrivals", Set.of(Role.SHELTER_MANAGER, Role.COORDINATOR)),
      new Screen("/console/shelters", "menu.shelters", Set.of(Role.SHELTER_MANAGER, Role.COORDINATOR)),
      new Screen("/console/operations", "menu.operations", Set.of(Role.COORDINATOR)),
      new Screen("/console/housing", "menu.housing", Set.of(Role.HOUSING_OFFICER)),
      new Screen("/console/housing/units", "menu.housing-units", Set.of(Role.HOUSING_OFFICER)));

  private Menu() {}

  /** The screens this person may open, in menu order. */
  static List<Screen> of(Person person) {
    return SCREENS.stream().filter(screen -> screen.shownTo(person)).toList();
  }

  /** The path of the menu entry the page at this address belongs to, or null. */
  static String current(List<Screen> screens, String uri) {
    // The closest one: a screen below another's path (her units below her referrals) is its own.
    return screens.stream().filter(screen -> screen.holds(uri)).map(Screen::path)
        .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
  }
}
