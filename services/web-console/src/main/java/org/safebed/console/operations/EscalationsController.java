package org.safebed.console.operations;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.TransportApi;
import org.safebed.console.services.model.Alert;
import org.safebed.console.services.model.Placement;
import org.safebed.console.services.model.Shelter;
import org.safebed.console.services.model.UnassignedJob;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinator's inbox: what waits on a person, with the actions the services offer for it.
 * Waitlisted too long (cancel), transport failed (re-offer), police escort needed (re-offer its
 * job), capacity stale (confirmed by phone, or closed to new placements), shelter compromised
 * (its residents are relocated by occupancy itself: shown so nobody waits on it unaware), and the
 * alerts a coordinator must judge (keep-apart across agencies, an account that may be probing).
 */
@Controller
@RequestMapping("/console/operations/escalations")
@PreAuthorize("hasRole('COORDINATOR')")
class EscalationsController {

  private static final int HELD_MOST = 200;
  /** The newest alerts to judge shown; older ones are in each notification's history. */
  private static final int JUDGE_MOST = 20;
  /** Four services' calls per refresh: less often than a single list's. */
  private static final Duration REFRESH = Duration.ofSeconds(15);

  private final OccupancyApi occupancy;
  private final TransportApi transport;

  EscalationsController(OccupancyApi occupancy, TransportApi transport) {
    this.occupancy = occupancy;
    this.transport = transport;
  }

  @GetMapping
  String inbox(@RequestParam(required = false) String done, Model model) {
    fill(model);
    model.addAttribute("done", Done.parse(done));
    return "operations/escalations";
  }

  /** The inbox alone, asked for again while the page is open. */
  @GetMapping("/list")
  String list(Model model) {
    fill(model);
    return "operations/escalations :: inbox";
  }

  private void fill(Model model) {
    List<UnassignedJob> jobs = transport.unassignedJobs();
    List<Shelter> shelters = occupancy.shelters();
    model.addAttribute("waitlisted", occupancy.escalations());
    model.addAttribute("transportFailed", jobs);
    model.addAttribute("escortNeeded", occupancy.placements("HELD", HELD_MOST).stream()
        .filter(Placement::policeEscortNeeded).toList());
    // Her job, when it is one of those no driver took: re-offered from her card too.
    model.addAttribute("escortJobs", jobs.stream().filter(job -> job.placementId() != null)
        .collect(Collectors.toMap(UnassignedJob::placementId, job -> job, (first, second) -> first)));
    model.addAttribute("stale", shelters.stream()
        .filter(s -> s.capacityStale() && "OPEN".equals(s.status())).toList());
    model.addAttribute("compromised", shelters.stream().filter(s -> "COMPROMISED".equals(s.status())).toList());
    model.addAttribute("toJudge", occupancy.alerts().stream().filter(Alert::toJudge).limit(JUDGE_MOST).toList());
    model.addAttribute("inboxRefreshSeconds", REFRESH.toSeconds());
  }

  @PostMapping("/jobs/{id}/reoffer")
  String reoffer(@PathVariable String id) {
    UnassignedJob job = transport.reoffer(id);
    return back(job != null && "OFFERED".equals(job.status()) ? Done.OFFERED : Done.STILL_UNASSIGNED);
  }

  @GetMapping("/placements/{id}/cancel")
  String confirmCancel(@PathVariable String id, Model model) {
    model.addAttribute("placement", occupancy.placement(id));
    return "operations/cancel";
  }

  @PostMapping("/placements/{id}/cancel")
  String cancel(@PathVariable String id) {
    occupancy.cancel(id);
    return back(Done.CANCELLED);
  }

  @PostMapping("/shelters/{id}/capacity-check")
  String confirmCapacity(@PathVariable String id) {
    occupancy.confirmCapacity(id);
    return back(Done.CONFIRMED);
  }

  @PostMapping("/shelters/{id}/close")
  String close(@PathVariable String id) {
    occupancy.changeShelterStatus(id, "CLOSED");
    return back(Done.CLOSED);
  }

  private static String back(Done done) {
    return "redirect:/console/operations/escalations?done=" + done.name();
  }

  /** What the last action did, said on the inbox after it (a fixed set: nothing from the address bar is shown). */
  enum Done {
    OFFERED, STILL_UNASSIGNED, CANCELLED, CONFIRMED, CLOSED;

    static Done parse(String value) {
      for (Done done : values()) {
        if (done.name().equals(value)) {
          return done;
        }
      }
      return null;
    }

    public String key() {
      return "escalations.done." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
