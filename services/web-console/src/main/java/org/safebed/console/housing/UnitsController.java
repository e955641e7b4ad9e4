package org.safebed.console.housing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safebed.console.services.ReferralApi;
import org.safebed.console.services.ServiceRefusal;
import org.safebed.console.services.model.RentalUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Her agency's rental units: the list, adding one, and withdrawing one after a confirmation. */
@Controller
@RequestMapping("/console/housing/units")
@PreAuthorize("hasRole('HOUSING_OFFICER')")
class UnitsController {

  private static final int MOST = 200;
  /** Known demo regions offered as suggestions; any region code the service accepts may be typed. */
  /** Those she can offer first, withdrawn ones last. */
  private static final List<String> STATUS_ORDER = List.of("AVAILABLE", "RESERVED", "LET", "WITHDRAWN");
  private static final List<String> REGIONS = List.of("north", "central", "south");

  private final ReferralApi referrals;

  UnitsController(ReferralApi referrals) {
    this.referrals = referrals;
  }

  @GetMapping
  String units(@RequestParam(required = false) String problem, @RequestParam(required = false) String added,
      @RequestParam(required = false) String changed, Model model) {
    model.addAttribute("units", referrals.units(MOST).stream()
        .sorted(Comparator.comparingInt((RentalUnit unit) -> STATUS_ORDER.indexOf(unit.status()))
            .thenComparing(RentalUnit::id))
        .toList());
    model.addAttribute("problem", problem != null && HousingController.PROBLEMS.contains(problem) ? problem : null);
    model.addAttribute("added", added != null && HousingController.ID.matcher(added).matches() ? added : null);
    model.addAttribute("changed", changed != null && HousingController.ID.matcher(changed).matches() ? changed : null);
    return "housing/units";
  }

  @GetMapping("/new")
  String newUnit(Model model) {
    return form(UnitForm.empty(), Set.of(), false, model);
  }

  @PostMapping
  String add(@ModelAttribute UnitForm unit, BindingResult binding, Model model) {
    Set<String> problems = new java.util.TreeSet<>(unit.problems());
    binding.getFieldErrors().forEach(error -> problems.add(
        "lat".equals(error.getField()) || "lon".equals(error.getField()) ? "location" : error.getField()));
    if (!problems.isEmpty()) {
      return form(unit, problems, false, model);
    }
    try {
      RentalUnit added = referrals.createUnit(unit.body());
      return "redirect:/console/housing/units?added=" + added.id();
    } catch (ServiceRefusal refusal) {
      if (refusal.status() != 400) {
        throw refusal;
      }
      return form(unit, Set.of(), true, model);
    }
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable String id, Model model) {
    known(id);
    RentalUnit unit = referrals.unit(id);
    model.addAttribute("unitId", id);
    return form(UnitForm.of(unit), Set.of(), false, model);
  }

  @PostMapping("/{id}/edit")
  String change(@PathVariable String id, @ModelAttribute UnitForm unit, BindingResult binding, Model model) {
    known(id);
    model.addAttribute("unitId", id);
    Set<String> problems = new java.util.TreeSet<>(unit.problemsOfDescription());
    binding.getFieldErrors().forEach(error -> problems.add(error.getField()));
    problems.removeAll(Set.of("lat", "lon", "address", "location"));
    if (!problems.isEmpty()) {
      return form(unit, problems, false, model);
    }
    try {
      referrals.updateUnit(id, unit.change());
      return "redirect:/console/housing/units?changed=" + id;
    } catch (ServiceRefusal refusal) {
      if (refusal.status() == 409) {
        return "redirect:/console/housing/units?problem=unit-in-use-change";
      }
      if (refusal.status() != 400) {
        throw refusal;
      }
      return form(unit, Set.of(), true, model);
    }
  }

  @GetMapping("/{id}/withdraw")
  String confirmWithdraw(@PathVariable String id, Model model) {
    known(id);
    model.addAttribute("unit", referrals.unit(id));
    return "housing/withdraw";
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(@PathVariable String id) {
    known(id);
    return Refused.redirect("/console/housing/units", Map.of(409, "unit-in-use"), () -> referrals.withdrawUnit(id));
  }

  private String form(UnitForm unit, Set<String> problems, boolean refused, Model model) {
    model.addAttribute("unit", unit);
    model.addAttribute("problems", problems);
    model.addAttribute("refused", refused);
    model.addAttribute("regions", REGIONS);
    model.addAttribute("suitabilities", UnitForm.SUITABILITIES);
    return "housing/unit-form";
  }

  private static void known(String id) {
    if (!HousingController.ID.matcher(id).matches()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
  }
}
