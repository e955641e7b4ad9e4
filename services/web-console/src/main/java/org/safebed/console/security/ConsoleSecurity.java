package org.safebed.console.security;

import org.safebed.platform.web.security.PlatformSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every page needs the person's access token, which the gateway relays from her session; the
 * console keeps no session of its own. CSRF is the gateway's: it checks the session's token on
 * every state-changing request before relaying it, and this application is reachable only through
 * the gateway (see the network policy in infra/k8s).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

  /** No inline script or style anywhere: injected markup can neither run nor restyle the page. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "connect-src 'self'; img-src 'self'; worker-src 'self'; manifest-src 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @Bean
  SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http) throws Exception {
    SignInAgain signInAgain = new SignInAgain();
    return http
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/console/signed-out", "/console/language", "/console/static/**",
                "/console/webjars/**", "/error").permitAll()
            .requestMatchers("/actuator/**").hasRole("COORDINATOR")
            .anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformSecurityAutoConfiguration.rolesFromClaim()))
            .authenticationEntryPoint(signInAgain))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(signInAgain)
            .accessDeniedPage("/console/forbidden"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }
}
