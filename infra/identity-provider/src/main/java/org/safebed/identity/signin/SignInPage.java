package org.safebed.identity.signin;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in form at {@code /login}; Spring Security's form login checks what it posts
 * (with its CSRF token). Which message it shows comes only from the query Spring Security
 * redirects with, never from the failure itself: a wrong password and an unknown name read the
 * same, so the page never tells whether someone has an account.
 */
@Controller
class SignInPage {

  @GetMapping("/login")
  String signIn(
      @RequestParam(name = "error", required = false) String error,
      @RequestParam(name = "logout", required = false) String logout,
      @RequestParam(name = "expired", required = false) String expired,
      Locale locale,
      Model model) {
    model.addAttribute("language", language(locale));
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", logout != null && error == null);
    model.addAttribute("expired", expired != null && error == null && logout == null);
    return "identity-sign-in";
  }

  private static String language(Locale locale) {
    return SignInLanguages.SUPPORTED.stream()
        .map(Locale::getLanguage)
        .filter(locale.getLanguage()::equals)
        .findFirst()
        .orElse(SignInLanguages.DEFAULT.getLanguage());
  }
}
