package org.safebed.console.shelter;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.Stream;
import org.safebed.console.live.LiveRelay;
import org.safebed.console.services.OccupancyApi;
import org.safebed.console.services.model.Placement;
import org.safebed.console.services.model.Shelter;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The shelter manager's bed board: her shelters, and for one shelter its beds by state, how fresh
 * its capacity is, its residents, and what she can change (capacity confirmed, a bed out of service
 * and back, a resident's check-out, missing and returned, the shelter compromised). The service
 * decides whose shelter it is; its refusals reach her through Failures in plain words. Nothing
 * here ever holds an address: the service never answers one.
 */
@Controller
@RequestMapping("/console/shelters")
@PreAuthorize("hasAnyRole('SHELTER_MANAGER', 'COORDINATOR')")
class ShelterBoardController {

  /** Where she went, as the service codes it; MISSING is the service's own, after a missing resident's bed is let go. */
  static final List<String> CHECK_OUT_REASONS =
      List.of("LEFT_VOLUNTARILY", "RETURNED_TO_FAMILY", "TRANSFERRED", "MOVED_TO_RENTAL", "OTHER");
  /** Why a bed is out of service, as the service codes it: a code, never a note that could carry a name. */
  static final List<String> OUT_OF_SERVICE_REASONS =
      List.of("MAINTENANCE", "CLEANING", "DAMAGED", "SAFETY", "STAFFING", "OTHER");
  private static final int MOST = 200;

  private final OccupancyApi occupancy;
  private final LiveRelay live;

  ShelterBoardController(OccupancyApi occupancy, LiveRelay live) {
    this.occupancy = occupancy;
    this.live = live;
  }

  @GetMapping
  String shelters(Model model) {
    model.addAttribute("shelters", occupancy.shelters());
    return "shelter/shelters";
  }

  @GetMapping("/{id}")
  String board(@PathVariable String id, Model model) {
    return fill(id, model, "shelter/board");
  }

  /** The live part of the board, asked for again whenever the service reports a change. */
  @GetMapping("/{id}/board")
  String boardOnly(@PathVariable String id, Model model) {
    return fill(id, model, "shelter/board :: board");
  }

  /** Tells the open board when to look again: each change at the shelter, e.g. police holding a bed. */
  @GetMapping(path = "/{id}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(@PathVariable String id, @AuthenticationPrincipal Jwt person) {
    String token = person.getTokenValue();
    // A shelter's stream never ends by itself: only a refusal (not hers) closes the page's.
    return live.relay(listener -> occupancy.followShelter(id, token, listener), (event, data) -> false);
  }

  @PostMapping("/{id}/capacity-check")
  String confirmCapacity(@PathVariable String id) {
    occupancy.confirmCapacity(id);
    return back(id);
  }

  /** Without a reason the board comes back with that bed's choice open and saying what is missing. */
  @PostMapping("/{id}/beds/{bedId}/out-of-service")
  String outOfService(@PathVariable String id, @PathVariable String bedId,
      @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
    if (reason == null || !OUT_OF_SERVICE_REASONS.contains(reason)) {
      response.setStatus(HttpServletResponse.SC_UNPROCESSABLE_CONTENT);
      model.addAttribute("reasonMissingFor", bedId);
      return fill(id, model, "shelter/board");
    }
    occupancy.changeBedService(id, bedId, false, reason);
    return back(id);
  }

  @PostMapping("/{id}/beds/{bedId}/in-service")
  String inService(@PathVariable String id, @PathVariable String bedId) {
    occupancy.changeBedService(id, bedId, true, null);
    return back(id);
  }

  @GetMapping("/{id}/residents/{placementId}/check-out")
  String checkOutForm(@PathVariable String id, @PathVariable String placementId, Model model) {
    model.addAttribute("shelter", occupancy.shelter(id));
    model.addAttribute("placement", occupancy.placement(placementId));
    model.addAttribute("reasons", CHECK_OUT_REASONS);
    return "shelter/check-out";
  }

  @PostMapping("/{id}/residents/{placementId}/check-out")
  String checkOut(@PathVariable String id, @PathVariable String placementId,
      @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
    // List.of(...) refuses to look for null: no reason at all is asked again like an unknown one.
    if (reason == null || !CHECK_OUT_REASONS.contains(reason)) {
      response.setStatus(HttpServletResponse.SC_UNPROCESSABLE_CONTENT);
      model.addAttribute("reasonMissing", true);
      return checkOutForm(id, placementId, model);
    }
    occupancy.checkOut(placementId, reason);
    return back(id);
  }

  @PostMapping("/{id}/residents/{placementId}/missing")
  String missing(@PathVariable String id, @PathVariable String placementId) {
    occupancy.reportMissing(placementId);
    return back(id);
  }

  @PostMapping("/{id}/residents/{placementId}/returned")
  String returned(@PathVariable String id, @PathVariable String placementId) {
    occupancy.reportReturned(placementId);
    return back(id);
  }

  @GetMapping("/{id}/compromised")
  String confirmCompromised(@PathVariable String id, Model model) {
    model.addAttribute("shelter", occupancy.shelter(id));
    return "shelter/compromised";
  }

  @PostMapping("/{id}/compromised")
  String compromised(@PathVariable String id) {
    occupancy.changeShelterStatus(id, "COMPROMISED");
    return back(id);
  }

  private String fill(String id, Model model, String view) {
    Shelter shelter = occupancy.shelter(id);
    model.addAttribute("shelter", shelter);
    model.addAttribute("bedsByState", BedRow.byState(occupancy.beds(id)));
    model.addAttribute("outOfServiceReasons", OUT_OF_SERVICE_REASONS);
    model.addAttribute("residents", residents(shelter));
    return view;
  }

  /** Hers at this shelter: the service answers those at all her shelters, by code name only. */
  private List<Placement> residents(Shelter shelter) {
    return Stream.of("CHECKED_IN", "RESIDENT_MISSING")
        .flatMap(status -> occupancy.placements(status, MOST).stream())
        .filter(p -> p.shelter() != null && shelter.codeName().equals(p.shelter().codeName()))
        .toList();
  }

  private static String back(String id) {
    return "redirect:" + UriComponentsBuilder.fromPath("/console/shelters/{id}").buildAndExpand(id).encode().toUriString();
  }
}
