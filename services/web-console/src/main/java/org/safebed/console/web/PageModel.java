package org.safebed.console.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.safebed.console.ConsoleProperties;
import org.safebed.console.i18n.ConsoleLanguages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/**
 * What every page's frame needs: who is signed in, the session's CSRF token (relayed by the
 * gateway, which checks it on every change), the languages, how often to refresh, when the session
 * ends, and the language and time zone she reads in. Added to every model, so no controller repeats it.
 */
@ControllerAdvice
class PageModel {

  /** The gateway's relay of the session's CSRF token; any copy the browser sent is dropped there. */
  static final String CSRF_HEADER = "X-SafeBed-Csrf";

  private final ConsoleProperties properties;
  private final Clock clock;

  PageModel(ConsoleProperties properties) {
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  @ModelAttribute
  void frame(Model model, HttpServletRequest request, Locale locale) {
    fill(model, request, locale);
  }

  /** Also for error pages, whose handlers get a model of their own. */
  void fill(Model model, HttpServletRequest request, Locale locale) {
    Person person = Person.current();
    List<Menu.Screen> menu = Menu.of(person);
    model.addAttribute("person", person);
    model.addAttribute("menu", menu);
    model.addAttribute("menuCurrent", Menu.current(menu, request.getRequestURI()));
    model.addAttribute("csrfToken", request.getHeader(CSRF_HEADER));
    model.addAttribute("language", locale.getLanguage());
    model.addAttribute("languages", ConsoleLanguages.SUPPORTED.stream().map(Locale::getLanguage).toList());
    model.addAttribute("here", request.getRequestURI());
    model.addAttribute("refreshSeconds", properties.refreshEvery().toSeconds());
    model.addAttribute("safetyNetSeconds", properties.safetyNetEvery().toSeconds());
    model.addAttribute("sessionSeconds", properties.sessionTimeout().toSeconds());
    ZoneId zone = TimeZones.of(request, properties.timeZone());
    model.addAttribute("timeZone", zone.getId());
    model.addAttribute("times", new Times(locale, zone, clock));
  }
}
