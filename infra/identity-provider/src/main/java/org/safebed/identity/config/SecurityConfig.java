package org.safebed.identity.config;

import static org.springframework.security.config.Customizer.withDefaults;

import org.safebed.identity.web.ProblemJsonSecurityErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the OAuth2/OIDC endpoints (token, JWK set, discovery, introspection,
 * revocation), then everything else, which holds nothing but health and info.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
    ProblemJsonSecurityErrors errors = new ProblemJsonSecurityErrors();
    http.oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(withDefaults());
        })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // The OIDC user-info endpoint accepts this provider's own access tokens.
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(errors)
            .accessDeniedHandler(errors));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    ProblemJsonSecurityErrors errors = new ProblemJsonSecurityErrors();
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
            .permitAll()
            .anyRequest().denyAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(errors)
            .accessDeniedHandler(errors));
    return http.build();
  }
}
