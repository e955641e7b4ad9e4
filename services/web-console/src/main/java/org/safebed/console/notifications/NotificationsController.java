package org.safebed.console.notifications;

import org.safebed.console.live.LiveRelay;
import org.safebed.console.services.NotificationsApi;
import org.safebed.console.services.NotificationsApi.Source;
import org.safebed.console.web.Person;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Her notifications, for every role: the bell in the page frame (the unread count, told live), the
 * list with what each says and a link to its record, marked read one by one or all at once.
 */
@Controller
@RequestMapping("/console/notifications")
@PreAuthorize("hasAnyRole('POLICE', 'SHELTER_MANAGER', 'HOUSING_OFFICER', 'DRIVER', 'COORDINATOR')")
class NotificationsController {

  private final NotificationsApi notifications;
  private final LiveRelay live;

  NotificationsController(NotificationsApi notifications, LiveRelay live) {
    this.notifications = notifications;
    this.live = live;
  }

  @GetMapping
  String list(Model model) {
    fill(model);
    return "notifications/list";
  }

  /** The list alone, drawn again when one arrives. */
  @GetMapping("/items")
  String items(Model model) {
    fill(model);
    return "notifications/list :: items";
  }

  /** The bell in the page frame: the unread count, asked for when the page opens and when one arrives. */
  @GetMapping("/bell")
  String bell(Model model) {
    model.addAttribute("inbox", notifications.inbox(Person.current().roles()));
    return "notifications/bell :: bell";
  }

  /** Tells the open page that one of hers arrived (her first service's; the others with the page's periodic look). */
  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(@AuthenticationPrincipal Jwt person) {
    String token = person.getTokenValue();
    var roles = Person.current().roles();
    return live.relay(listener -> notifications.follow(roles, token, listener), (event, data) -> false);
  }

  @PostMapping("/{source}/{id}/read")
  String read(@PathVariable String source, @PathVariable String id) {
    notifications.markRead(source(source), id);
    return "redirect:/console/notifications";
  }

  @PostMapping("/read")
  String readAll() {
    notifications.markAllRead(Person.current().roles());
    return "redirect:/console/notifications";
  }

  private void fill(Model model) {
    Person person = Person.current();
    model.addAttribute("inbox", notifications.inbox(person.roles()));
    model.addAttribute("links", new RecordLinks(person));
  }

  private static Source source(String name) {
    for (Source source : Source.values()) {
      if (source.name().equals(name)) {
        return source;
      }
    }
    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
