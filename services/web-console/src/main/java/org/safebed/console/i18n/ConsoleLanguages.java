package org.safebed.console.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French and Dutch first, then English. The person's choice wins (the language switcher's cookie,
 * which the gateway passes on as {@link #HEADER} because it keeps every cookie to itself), then her
 * browser's languages in order, then French.
 */
public final class ConsoleLanguages implements LocaleResolver {

  /** The languages every text of the console exists in, in the order the switcher shows them. */
  public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.of("nl"), Locale.ENGLISH);
  /** The switcher's cookie: only a language tag, nothing about the person. */
  public static final String COOKIE = "SAFEBED_LANG";
  /** The cookie's value as the gateway relays it. */
  public static final String HEADER = "X-SafeBed-Language";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return chosen(request.getHeader(HEADER))
        .or(() -> cookie(request).flatMap(ConsoleLanguages::chosen))
        .or(() -> fromBrowser(request.getLocales()))
        .orElse(Locale.FRENCH);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
    cookie.setPath("/");
    cookie.setMaxAge(60 * 60 * 24 * 365);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /** One of the supported languages by its tag ({@code fr}, {@code nl}, {@code en}), if it is one. */
  public static Optional<Locale> chosen(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(tag.strip())).findFirst();
  }

  private static Optional<String> cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<Locale> fromBrowser(Enumeration<Locale> preferred) {
    while (preferred.hasMoreElements()) {
      Optional<Locale> supported = chosen(preferred.nextElement().getLanguage());
      if (supported.isPresent()) {
        return supported;
      }
    }
    return Optional.empty();
  }
}
