package org.safebed.console.operations;

import java.util.Locale;
import java.util.regex.Pattern;
import org.safebed.console.services.ServiceOperations;
import org.safebed.console.services.ServiceOperations.Replay;
import org.safebed.console.services.ServiceOperations.Service;
import org.safebed.console.services.ServiceRefusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * Each service's dead letters: what its inbox gave up on (type, reason, when; never the event's
 * content), put back once the cause is fixed, or dropped when it can never succeed. Replaying and
 * dropping each ask first, on a page of their own, and say afterwards what happened.
 */
@Controller
@RequestMapping("/console/operations/dead-letters")
@PreAuthorize("hasRole('COORDINATOR')")
class DeadLettersController {

  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final String PAGE = "/console/operations/dead-letters/";

  private final ServiceOperations operations;

  DeadLettersController(ServiceOperations operations) {
    this.operations = operations;
  }

  @GetMapping
  String first() {
    return "redirect:" + PAGE + Service.SHELTER_OCCUPANCY.slug();
  }

  @GetMapping("/{service}")
  String list(@PathVariable String service, @RequestParam(required = false) String done,
      @RequestParam(defaultValue = "0") int count, @RequestParam(defaultValue = "0") int failed, Model model) {
    Service chosen = known(service);
    model.addAttribute("service", chosen);
    model.addAttribute("services", Service.values());
    model.addAttribute("listing", operations.deadLetters(chosen));
    Done said = Done.parse(done);
    model.addAttribute("done", said);
    model.addAttribute("count", Math.max(0, count));
    model.addAttribute("failed", Math.max(0, failed));
    return "operations/dead-letters";
  }

  /** Asks first: {@code what} is {@code replay} or {@code delete}; no event: all of them (replay only). */
  @GetMapping("/{service}/confirm")
  String confirm(@PathVariable String service, @RequestParam String what,
      @RequestParam(required = false) String event, Model model) {
    Service chosen = known(service);
    event = eventId(event);
    boolean delete = "delete".equals(what);
    if (!delete && !"replay".equals(what) || delete && event == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("service", chosen);
    model.addAttribute("delete", delete);
    model.addAttribute("event", event);
    return "operations/dead-letter-confirm";
  }

  @PostMapping("/{service}/replay")
  String replay(@PathVariable String service, @RequestParam(required = false) String event) {
    Service chosen = known(service);
    event = eventId(event);
    Replay replay;
    try {
      replay = event == null ? operations.replayAll(chosen) : operations.replay(chosen, event);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() == 404) {
        return back(chosen, Done.GONE, 0, 0);
      }
      throw refusal;
    }
    int failed = replay == null ? 0 : replay.failed();
    int replayed = replay == null ? 0 : replay.replayed().size();
    return back(chosen, failed > 0 ? Done.PARTLY_REPLAYED : Done.REPLAYED, replayed, failed);
  }

  @PostMapping("/{service}/delete")
  String delete(@PathVariable String service, @RequestParam String event) {
    Service chosen = known(service);
    event = eventId(event);
    if (event == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    try {
      operations.discard(chosen, event);
    } catch (ServiceRefusal refusal) {
      if (refusal.status() == 404) {
        return back(chosen, Done.GONE, 0, 0);
      }
      throw refusal;
    }
    return back(chosen, Done.DELETED, 1, 0);
  }

  private static Service known(String slug) {
    Service service = Service.of(slug);
    if (service == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return service;
  }

  /**
   * An event id as the services write them, or null for none (a link without one is "all"); anything
   * else is no event of theirs and is neither sent on nor shown back.
   */
  private static String eventId(String event) {
    if (event == null || event.isBlank()) {
      return null;
    }
    if (!EVENT_ID.matcher(event).matches()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return event;
  }

  private static String back(Service service, Done done, int count, int failed) {
    return "redirect:" + PAGE + service.slug() + "?done=" + done.name() + "&count=" + count + "&failed=" + failed;
  }

  /** What the last action did (a fixed set: nothing from the address bar is shown as it came). */
  enum Done {
    REPLAYED, PARTLY_REPLAYED, DELETED, GONE;

    static Done parse(String value) {
      for (Done done : values()) {
        if (done.name().equals(value)) {
          return done;
        }
      }
      return null;
    }

    public String key() {
      return "dead-letters.done." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
