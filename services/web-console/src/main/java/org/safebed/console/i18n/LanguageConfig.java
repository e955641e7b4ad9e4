package org.safebed.console.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class LanguageConfig {

  /** Named as Spring MVC looks it up. */
  @Bean
  LocaleResolver localeResolver() {
    return new ConsoleLanguages();
  }
}
