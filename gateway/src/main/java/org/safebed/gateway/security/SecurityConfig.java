package org.safebed.gateway.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every {@code /api/**} call needs a valid bearer token. The decoder comes from
 * {@code spring.security.oauth2.resourceserver.jwt.*}: issuer, audience {@code safebed-gateway},
 * RS256 keys from the provider's JWK set, expiry and not-before. Health and info are public; all
 * other paths are unrouted and answer 404.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
    ProblemJsonSecurityErrors errors = new ProblemJsonSecurityErrors();
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .pathMatchers("/api/**").authenticated()
            // Nothing else is routed (see gateway.yml), so these requests end in a 404.
            .anyExchange().permitAll())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(withDefaults())
            .authenticationEntryPoint(errors)
            .accessDeniedHandler(errors))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(errors)
            .accessDeniedHandler(errors))
        // Bearer tokens only: no cookies, sessions, login pages or CSRF tokens.
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .headers(headers -> headers
            .frameOptions(frame -> frame.mode(Mode.DENY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }
}
