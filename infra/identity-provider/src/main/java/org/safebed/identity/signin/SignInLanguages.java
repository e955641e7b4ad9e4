package org.safebed.identity.signin;

import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The sign-in page speaks French, Dutch or English, whichever the browser's Accept-Language
 * prefers first; French when it names none of them (SafeBed's people are in France and Belgium).
 */
@Configuration(proxyBeanMethods = false)
class SignInLanguages {

  static final Locale DEFAULT = Locale.FRENCH;
  static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.of("nl"), Locale.ENGLISH);

  /** The bean name Spring MVC looks for. */
  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(SUPPORTED);
    resolver.setDefaultLocale(DEFAULT);
    return resolver;
  }
}
