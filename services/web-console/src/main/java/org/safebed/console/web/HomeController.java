package org.safebed.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.safebed.platform.web.security.Role;
import org.springframework.ui.Model;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's start: each person lands on the screen of her role. */
@Controller
class HomeController {

  @GetMapping({"/console", "/console/"})
  String start() {
    Person person = Person.current();
    if (person.is(Role.POLICE)) {
      return "redirect:/console/police";
    }
    if (person.is(Role.DRIVER)) {
      return "redirect:/console/driver";
    }
    if (person.is(Role.SHELTER_MANAGER) || person.is(Role.COORDINATOR)) {
      return "redirect:/console/arrivals";
    }
    if (person.is(Role.HOUSING_OFFICER)) {
      return "redirect:/console/housing";
    }
    return "home";
  }

  @GetMapping("/console/signed-out")
  String signedOut() {
    return "signed-out";
  }

  /** Where Spring Security sends a refusal it decides before any page (the page's own words). */
  @GetMapping("/console/forbidden")
  String forbidden(Model model, HttpServletResponse response) {
    model.addAttribute("messageKey", "error.forbidden");
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "problem";
  }
}
