package org.safebed.console.shelter;

import java.util.Comparator;
import java.util.List;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.model.Placement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The arriving shelter's screen: who is coming to her shelters (a bed held), when, and what to
 * prepare (an age band and needs, never who she is); check-in on arrival, or no-show. Below, her
 * shelters' beds at a glance.
 */
@Controller
@RequestMapping("/console/arrivals")
@PreAuthorize("hasAnyRole('SHELTER_MANAGER', 'COORDINATOR')")
class ArrivalsController {

  private static final int MOST = 50;

  private final OccupancyApi occupancy;

  ArrivalsController(OccupancyApi occupancy) {
    this.occupancy = occupancy;
  }

  @GetMapping
  String screen(Model model) {
    model.addAttribute("arrivals", arrivals());
    model.addAttribute("shelters", occupancy.shelters());
    return "shelter/arrivals";
  }

  /** The list alone, asked for again and again while the page is open. */
  @GetMapping("/list")
  String list(Model model) {
    model.addAttribute("arrivals", arrivals());
    return "shelter/arrivals :: list";
  }

  @PostMapping("/{id}/check-in")
  String checkIn(@PathVariable String id) {
    occupancy.checkIn(id);
    return "redirect:/console/arrivals";
  }

  @GetMapping("/{id}/no-show")
  String confirmNoShow(@PathVariable String id, Model model) {
    model.addAttribute("placement", occupancy.placement(id));
    return "shelter/no-show";
  }

  @PostMapping("/{id}/no-show")
  String noShow(@PathVariable String id) {
    occupancy.noShow(id);
    return "redirect:/console/arrivals";
  }

  /** Soonest first: those with a driver's ETA by ETA, then the rest by how long the hold has left. */
  private List<Placement> arrivals() {
    return occupancy.placements("HELD", MOST).stream()
        .sorted(Comparator.comparing((Placement p) -> p.transport() == null || p.transport().etaMinutes() == null
                ? Integer.MAX_VALUE : p.transport().etaMinutes())
            .thenComparing(Placement::holdExpiresAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }
}
