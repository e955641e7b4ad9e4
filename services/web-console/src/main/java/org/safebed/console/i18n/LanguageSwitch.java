package org.safebed.console.i18n;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switcher: a plain link, so it works without script and on the signed-out page. It
 * remembers the choice in a cookie and goes back to the page it came from, which must be a console
 * page (never another site: no open redirect).
 */
@Controller
class LanguageSwitch {

  private static final Pattern CONSOLE_PAGE = Pattern.compile("^/console/[A-Za-z0-9/_-]*$");

  private final ConsoleLanguages languages;

  LanguageSwitch(ConsoleLanguages languages) {
    this.languages = languages;
  }

  @GetMapping("/console/language")
  String switchTo(
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "back", required = false) String back,
      HttpServletRequest request,
      HttpServletResponse response) {
    ConsoleLanguages.chosen(to).ifPresent(locale -> languages.setLocale(request, response, locale));
    return "redirect:" + (back != null && CONSOLE_PAGE.matcher(back).matches() ? back : "/console/");
  }
}
