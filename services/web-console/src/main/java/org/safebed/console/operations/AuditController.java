package org.safebed.console.operations;

import java.util.List;
import org.safebed.console.services.ServiceOperations;
import org.safebed.console.services.ServiceOperations.AuditFilter;
import org.safebed.console.services.ServiceOperations.Service;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Each service's audit trail, read-only: whether its hash chain holds and its head (for her to
 * compare with one recorded elsewhere), then its entries newest first, filtered by record, actor,
 * action and outcome, a page at a time.
 */
@Controller
@RequestMapping("/console/operations/audit")
@PreAuthorize("hasRole('COORDINATOR')")
class AuditController {

  /** The outcomes the services record; the filter offers these only. */
  static final List<String> OUTCOMES = List.of("GRANTED", "DENIED", "DONE");
  private static final int LONGEST = 120;

  private final ServiceOperations operations;

  AuditController(ServiceOperations operations) {
    this.operations = operations;
  }

  @GetMapping
  String first() {
    return "redirect:/console/operations/audit/" + Service.SHELTER_OCCUPANCY.slug();
  }

  @GetMapping("/{service}")
  String trail(@PathVariable String service, @RequestParam(required = false) String recordType,
      @RequestParam(required = false) String recordId, @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) Long before, Model model) {
    Service chosen = Service.of(service);
    if (chosen == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    AuditFilter filter = new AuditFilter(bounded(recordType), bounded(recordId), bounded(actor), bounded(action),
        outcome != null && OUTCOMES.contains(outcome) ? outcome : null, before);
    model.addAttribute("service", chosen);
    model.addAttribute("services", Service.values());
    model.addAttribute("filter", filter);
    model.addAttribute("outcomes", OUTCOMES);
    model.addAttribute("check", operations.auditCheck(chosen));
    model.addAttribute("page", operations.auditEntries(chosen, filter));
    return "operations/audit";
  }

  /** Ids and codes are short: anything longer is not one, and is not sent on. */
  private static String bounded(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > LONGEST) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    return stripped;
  }
}
