package org.safebed.console.driver;

import java.util.Optional;
import java.util.Set;
import org.safebed.console.services.TransportApi;
import org.safebed.console.services.model.Destination;
import org.safebed.console.services.model.Pickup;
import org.safebed.console.services.model.TransportJob;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The driver's screen: her duty switch, the offer made to her with its countdown, and once she
 * accepted, where to pick her up and then where to take her, each shown only while it is hers to
 * see. Every showing of an address is a disclosure that transport audits, so the page's refresh
 * asks only whether the job changed and draws the job again (and discloses again) only when it did.
 */
@Controller
@RequestMapping("/console/driver")
@PreAuthorize("hasRole('DRIVER')")
class DriverController {

  private static final Set<String> ACTIONS = Set.of("accept", "decline", "pick-up", "deliver");

  private final TransportApi transport;

  DriverController(TransportApi transport) {
    this.transport = transport;
  }

  @GetMapping
  String screen(Model model) {
    model.addAttribute("driver", transport.me());
    showJob(transport.currentJob(), model);
    return "driver/screen";
  }

  /**
   * The job part of her screen, only when it changed since {@code shown} (the job and status the
   * page shows): otherwise 204, and the page keeps what it has.
   */
  @GetMapping("/job")
  Object job(@RequestParam(name = "shown", defaultValue = "") String shown, Model model) {
    Optional<TransportJob> current = transport.currentJob();
    String now = current.map(TransportJob::version).orElse("");
    if (now.equals(shown)) {
      return ResponseEntity.noContent().build();
    }
    showJob(current, model);
    return "driver/screen :: job";
  }

  @PostMapping("/duty")
  String duty(@RequestParam("onDuty") boolean onDuty) {
    transport.setOnDuty(onDuty);
    return "redirect:/console/driver";
  }

  @PostMapping("/jobs/{id}/{action}")
  String act(@PathVariable String id, @PathVariable String action) {
    if (!ACTIONS.contains(action)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    transport.act(id, action);
    return "redirect:/console/driver";
  }

  private void showJob(Optional<TransportJob> current, Model model) {
    model.addAttribute("job", current.orElse(null));
    model.addAttribute("shown", current.map(TransportJob::version).orElse(""));
    current.filter(TransportJob::goingToPickUp).ifPresent(job -> {
      Pickup pickup = transport.pickup(job.id());
      model.addAttribute("pickup", pickup);
      model.addAttribute("pickupNavigation", pickup.location() != null
          ? Navigation.toPoint(pickup.location().lat(), pickup.location().lon())
          : Navigation.toAddress(pickup.address()));
    });
    current.filter(TransportJob::underWay).ifPresent(job -> {
      Destination destination = transport.destination(job.id());
      model.addAttribute("destination", destination);
      model.addAttribute("destinationNavigation", Navigation.toAddress(destination.address()));
    });
  }
}
