package org.safebed.console.police;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.safebed.console.live.LiveRelay;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.model.Placement;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The police's screens: request a placement, follow it live to a bed, cancel it, and the list of
 * their own. Nothing here ever holds an address: the service never answers one to police.
 */
@Controller
@RequestMapping("/console/police")
@PreAuthorize("hasRole('POLICE')")
class PoliceController {

  private static final int RECENT = 20;

  private final OccupancyApi occupancy;
  private final KnownPlaces knownPlaces;
  private final LiveRelay live;
  private final JsonMapper json;

  PoliceController(OccupancyApi occupancy, KnownPlaces knownPlaces, LiveRelay live, JsonMapper json) {
    this.occupancy = occupancy;
    this.knownPlaces = knownPlaces;
    this.live = live;
    this.json = json;
  }

  @GetMapping
  String requestForm(Model model) {
    model.addAttribute("form", PlacementForm.fresh());
    return showForm(model);
  }

  @PostMapping("/placements")
  String request(@Valid @ModelAttribute("form") PlacementForm form, BindingResult errors, Model model,
      HttpServletResponse response) {
    if (form.zoneHalfFilled()) {
      errors.rejectValue("zoneRadiusKm", "form.zone.incomplete");
    }
    if (!form.getKnownPlaces().stream().allMatch(id -> knownPlaces.find(id).isPresent())) {
      errors.rejectValue("knownPlaces", "form.invalid");
    }
    if (!form.keepApartValid()) {
      errors.rejectValue("keepApart", "form.keep-apart.invalid");
    }
    if (errors.hasErrors() || form.getIdempotencyKey() == null) {
      response.setStatus(HttpServletResponse.SC_UNPROCESSABLE_CONTENT);
      return showForm(model);
    }
    Placement placement = occupancy.request(form.toRequest(knownPlaces), form.getIdempotencyKey());
    return "redirect:/console/police/placements/" + placement.id();
  }

  @GetMapping("/placements/{id}")
  String placement(@PathVariable String id, Model model) {
    return follow(occupancy.placement(id), model, "police/placement");
  }

  /** The live part of the placement's page, asked for again and again while it is open. */
  @GetMapping("/placements/{id}/timeline")
  String timeline(@PathVariable String id, Model model) {
    return follow(occupancy.placement(id), model, "police/placement :: timeline");
  }

  /**
   * Tells the open placement page when to look again: each change the service reports, until the
   * placement is over (then the page stops listening).
   */
  @GetMapping(path = "/placements/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(@PathVariable String id, @AuthenticationPrincipal Jwt person) {
    String token = person.getTokenValue();
    return live.relay(listener -> occupancy.followPlacement(id, token, listener),
        (event, data) -> "placement".equals(event) && !json.readValue(data, Placement.class).open());
  }

  @GetMapping("/placements/{id}/cancel")
  String confirmCancel(@PathVariable String id, Model model) {
    model.addAttribute("placement", occupancy.placement(id));
    return "police/cancel";
  }

  @PostMapping("/placements/{id}/cancel")
  String cancel(@PathVariable String id) {
    occupancy.cancel(id);
    return "redirect:/console/police/placements/" + id;
  }

  private String showForm(Model model) {
    List<Placement> mine = occupancy.placements(null, RECENT);
    model.addAttribute("placements", mine);
    model.addAttribute("knownPlaces", knownPlaces.places());
    return "police/request";
  }

  private static String follow(Placement placement, Model model, String view) {
    model.addAttribute("placement", placement);
    model.addAttribute("timeline", Timeline.of(placement));
    return view;
  }
}
