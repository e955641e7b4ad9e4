package org.safebed.console.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.ServiceUnavailable;
import org.safebed.console.services.TransportApi;
import org.safebed.console.services.model.Driver;
import org.safebed.console.services.model.Placement;
import org.safebed.console.services.model.Statistics;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's dashboard and drivers' board: numbers as the services give them (small counts
 * suppressed by occupancy stay "fewer than N"), drawn as charts by console-static/charts.js from
 * the page's data attributes, with a table of the same numbers for those who do not see the chart.
 */
@Controller
@RequestMapping("/console/operations")
@PreAuthorize("hasRole('COORDINATOR')")
class OperationsController {

  private static final int WAITLIST_MOST = 200;

  private final OccupancyApi occupancy;
  private final TransportApi transport;
  private final MessageSource messages;
  private final JsonMapper json;

  OperationsController(OccupancyApi occupancy, TransportApi transport, MessageSource messages, JsonMapper json) {
    this.occupancy = occupancy;
    this.transport = transport;
    this.messages = messages;
    this.json = json;
  }

  /** The windows she can switch between, the last day first: what a shift looks back on. */
  static final List<String> WINDOWS = List.of("DAY", "WEEK");

  /** Over the last day unless she asks for the week; anything else is the day too. */
  @GetMapping
  String dashboard(@RequestParam(required = false) String window, Model model, Locale locale) {
    String chosen = window != null && WINDOWS.contains(window) ? window : WINDOWS.getFirst();
    Statistics statistics = occupancy.statistics(chosen);
    model.addAttribute("window", chosen);
    model.addAttribute("windows", WINDOWS);
    Integer transportFailures = transportFailures();
    Dashboard dashboard = new Dashboard(messages, locale);
    model.addAttribute("statistics", statistics);
    model.addAttribute("transportFailures", transportFailures);
    Placement oldest = oldestWaitlisted();
    model.addAttribute("oldestWait", oldest);
    model.addAttribute("oldestWaitMinutes", oldest == null ? 0
        : Math.max(0, Duration.between(oldest.createdAt(), Instant.now()).toMinutes()));
    model.addAttribute("occupancyChart", chart(dashboard.occupancy(statistics)));
    model.addAttribute("durationsChart", chart(dashboard.durations(statistics)));
    model.addAttribute("waitingChart", chart(dashboard.waiting(statistics, transportFailures)));
    model.addAttribute("regionNames", dashboard);
    return "operations/dashboard";
  }

  @GetMapping("/drivers")
  String drivers(Model model) {
    List<Driver> active = transport.drivers().stream().filter(driver -> !driver.retired()).toList();
    model.addAttribute("busy", active.stream().filter(Driver::busy).toList());
    model.addAttribute("free", active.stream().filter(d -> d.onDuty() && !d.busy()).toList());
    model.addAttribute("offDuty", active.stream().filter(d -> !d.onDuty() && !d.busy()).toList());
    return "operations/drivers";
  }

  /** Transport down is no reason to hide occupancy's numbers: its count is then said to be unknown. */
  private Integer transportFailures() {
    try {
      return transport.unassignedJobs().size();
    } catch (ServiceUnavailable down) {
      return null;
    }
  }

  /** The placement waiting longest for a bed, if any; its own time, not a count. */
  private Placement oldestWaitlisted() {
    return occupancy.placements("WAITLISTED", WAITLIST_MOST).stream()
        .filter(p -> p.createdAt() != null)
        .min(Comparator.comparing(Placement::createdAt))
        .orElse(null);
  }

  private String chart(Chart chart) {
    return chart.drawable() ? json.writeValueAsString(chart) : null;
  }
}
