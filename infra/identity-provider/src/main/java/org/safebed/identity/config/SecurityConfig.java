package org.safebed.identity.config;

import static org.springframework.security.config.Customizer.withDefaults;

import org.safebed.identity.web.CodeRedirectEndingSignIn;
import org.safebed.identity.web.ProblemJsonSecurityErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the OAuth2/OIDC endpoints (authorize, token, JWK set, discovery,
 * introspection, revocation), then everything else: the console's sign-in form, health and info.
 * Only a person on her way to the authorize endpoint is sent to the sign-in form and gets a session;
 * machine clients get problem+json and never a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String AUTHORIZE = "/oauth2/authorize";
  static final String SIGN_IN = "/login";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
    ProblemJsonSecurityErrors errors = new ProblemJsonSecurityErrors();
    RequestMatcher authorize = PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE);
    http.oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(withDefaults());
          server.authorizationEndpoint(endpoint ->
              endpoint.authorizationResponseHandler(new CodeRedirectEndingSignIn()));
        })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // The OIDC user-info endpoint accepts this provider's own access tokens.
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()))
        // The authorize endpoint reads who signed in from the session; nothing else needs one.
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .requestCache(cache -> cache.requestCache(onlyFor(authorize)))
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), authorize)
            .defaultAuthenticationEntryPointFor(errors, AnyRequestMatcher.INSTANCE)
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
        // Spring's generated sign-in page at /login (with its CSRF token); after it, back to the
        // saved authorize request.
        .formLogin(form -> form.permitAll())
        .requestCache(cache -> cache.requestCache(onlyFor(
            PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE))))
        // A default, not the entry point: an explicit one would also switch off the generated page.
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(errors, AnyRequestMatcher.INSTANCE)
            .accessDeniedHandler(errors));
    return http.build();
  }

  private static HttpSessionRequestCache onlyFor(RequestMatcher matcher) {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(matcher);
    return cache;
  }
}
