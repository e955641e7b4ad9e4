package org.safebed.console.housing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.safebed.console.services.ReferralApi;
import org.safebed.console.services.model.Referral;
import org.safebed.console.services.model.RentalUnit;
import org.safebed.console.services.model.UnitMatch;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
 * The housing officer's referrals: her work queue by step with the time in each, and one
 * referral's page with its timeline, the units that fit and why (and why the others do not), the
 * offer with its expiry, her answer, and the move-in (which books the move with transport).
 */
@Controller
@RequestMapping("/console/housing")
@PreAuthorize("hasRole('HOUSING_OFFICER')")
class HousingController {

  static final List<String> STEPS = List.of("OPEN", "OFFERED", "ACCEPTED", "MOVED_IN", "CLOSED");
  static final List<String> DECLINE_REASONS = List.of("TOO_FAR", "UNSAFE_AREA", "TOO_EXPENSIVE", "NOT_ACCESSIBLE", "OTHER");
  /** The problem codes her pages can explain (from {@link Refused}); anything else is ignored. */
  static final Set<String> PROBLEMS = Set.of("offer-taken", "offer-unfit", "offer-gone", "move-in-refused",
      "move-in-date", "unit-in-use", "unit-in-use-change");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> ACTIVE = Set.of("OPEN", "OFFERED", "ACCEPTED");
  private static final int QUEUE_MOST = 200;
  private static final int FINISHED_SHOWN = 10;
  private static final int MATCHES_MOST = 50;

  private final ReferralApi referrals;

  HousingController(ReferralApi referrals) {
    this.referrals = referrals;
  }

  @GetMapping
  String queue(Model model) {
    queueModel(model);
    return "housing/queue";
  }

  /** The queue alone, asked for again while the page is open. */
  @GetMapping("/queue")
  String queueOnly(Model model) {
    queueModel(model);
    return "housing/queue :: queue";
  }

  @GetMapping("/referrals/{id}")
  String referral(@PathVariable String id, @RequestParam(required = false) String problem, Model model) {
    page(id);
    Referral referral = referrals.referral(id);
    model.addAttribute("referral", referral);
    model.addAttribute("inStep", InStep.of(referral.secondsInStep()));
    model.addAttribute("stepTimes", referral.steps().stream().map(step -> InStep.of(step.secondsInStep())).toList());
    model.addAttribute("declineReasons", DECLINE_REASONS);
    // Her today, in her zone (the frame put it in the model): the move-in date's default.
    model.addAttribute("today", LocalDate.now(ZoneId.of(String.valueOf(model.getAttribute("timeZone")))));
    model.addAttribute("problem", problem != null && PROBLEMS.contains(problem) ? problem : null);
    if (referral.offer() != null) {
      model.addAttribute("offerLeft", InStep.of(secondsUntil(referral.offer().expiresAt())));
    }
    if (referral.open()) {
      List<UnitMatch> matches = referrals.matches(id, MATCHES_MOST);
      Set<String> matched = matches.stream().map(UnitMatch::unitId).collect(Collectors.toSet());
      model.addAttribute("matches", matches.stream()
          .map(match -> new Proposed(match, Fit.whyItFits(match, referral))).toList());
      model.addAttribute("others", referrals.units(QUEUE_MOST).stream()
          .filter(unit -> !unit.withdrawn() && !matched.contains(unit.id()))
          .map(unit -> new NotProposed(unit, Fit.whyNot(unit, referral))).toList());
    }
    return "housing/referral";
  }

  @PostMapping("/referrals/{id}/offer")
  String offer(@PathVariable String id, @RequestParam String unitId) {
    return Refused.redirect(page(id), Map.of(409, "offer-taken", 422, "offer-unfit"),
        () -> referrals.offer(id, unitId));
  }

  @PostMapping("/referrals/{id}/accept")
  String accept(@PathVariable String id) {
    return Refused.redirect(page(id), Map.of(409, "offer-gone"), () -> referrals.accept(id));
  }

  @PostMapping("/referrals/{id}/decline")
  String decline(@PathVariable String id, @RequestParam String reason) {
    if (!DECLINE_REASONS.contains(reason)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    return Refused.redirect(page(id), Map.of(409, "offer-gone"), () -> referrals.decline(id, reason));
  }

  @PostMapping("/referrals/{id}/move-in")
  String moveIn(@PathVariable String id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate moveInDate) {
    return Refused.redirect(page(id), Map.of(409, "move-in-refused", 422, "move-in-date"),
        () -> referrals.moveIn(id, moveInDate));
  }

  /** A unit the service proposes, and why it fits. */
  public record Proposed(UnitMatch unit, List<Reason> reasons) {}

  /** A unit of her agency it does not propose, and why not. */
  public record NotProposed(RentalUnit unit, List<Reason> reasons) {}

  /** One step of the queue, its referrals longest-waiting first (high priority before). */
  public record Group(String status, List<Queued> referrals) {}

  public record Queued(Referral referral, Reason inStep) {}

  /**
   * Step by step, so that finished referrals never crowd out those under way: every active one,
   * and the latest few that moved in or closed.
   */
  private void queueModel(Model model) {
    List<Group> groups = STEPS.stream().map(step -> new Group(step, referrals
            .referrals(step, ACTIVE.contains(step) ? QUEUE_MOST : FINISHED_SHOWN).stream()
            .filter(r -> step.equals(r.status()))
            .sorted(Comparator.comparing((Referral r) -> !r.highPriority())
                .thenComparing(Comparator.comparingLong(Referral::secondsInStep).reversed()))
            .map(r -> new Queued(r, InStep.of(r.secondsInStep())))
            .toList()))
        .toList();
    model.addAttribute("groups", groups);
    model.addAttribute("empty", groups.stream().allMatch(group -> group.referrals().isEmpty()));
  }

  private static long secondsUntil(Instant instant) {
    return instant == null ? 0 : Duration.between(Instant.now(), instant).toSeconds();
  }

  /** Her referral's page; only an id as the service makes them goes into an address. */
  static String page(String id) {
    if (!ID.matcher(id).matches()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return "/console/housing/referrals/" + id;
  }

}
