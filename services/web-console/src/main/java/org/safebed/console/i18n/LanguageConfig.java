package org.safebed.console.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LanguageConfig {

  /** Named as Spring MVC looks it up ({@code localeResolver}). */
  @Bean
  ConsoleLanguages localeResolver() {
    return new ConsoleLanguages();
  }
}
