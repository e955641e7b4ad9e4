package org.safebed.identity.config;

import static org.springframework.security.config.Customizer.withDefaults;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.safebed.identity.web.CodeRedirectEndingSignIn;
import org.safebed.identity.web.ProblemJsonSecurityErrors;
import org.safebed.identity.web.SignInExpired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains: the OAuth2/OIDC endpoints (authorize, token, JWK set, discovery,
 * introspection, revocation), then everything else: the console's sign-in page (branded and in
 * French, Dutch or English, see {@code org.safebed.identity.signin}), health and info.
 * Only a person on her way to the authorize endpoint is sent to the sign-in form and gets a session;
 * machine clients get problem+json and never a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  static final String AUTHORIZE = "/oauth2/authorize";
  static final String SIGN_IN = "/login";
  /** The sign-in page's stylesheet (spring.mvc.static-path-pattern). */
  static final String SIGN_IN_ASSETS = "/sign-in-assets/**";

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
  SecurityFilterChain everythingElse(HttpSecurity http, IdentityProviderProperties properties)
      throws Exception {
    ProblemJsonSecurityErrors errors = new ProblemJsonSecurityErrors();
    RequestMatcher signInForm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_IN);
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error",
                SIGN_IN_ASSETS)
            .permitAll()
            // The page with any of its notes: ?error, ?logout, ?expired.
            .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, SIGN_IN))
            .permitAll()
            .anyRequest().denyAll())
        // SafeBed's own sign-in page at /login (org.safebed.identity.signin, with the CSRF token);
        // a failure comes back to /login?error, a success goes back to the saved authorize request.
        .formLogin(form -> form.loginPage(SIGN_IN).permitAll())
        .requestCache(cache -> cache.requestCache(onlyFor(
            PathPatternRequestMatcher.withDefaults().matcher(AUTHORIZE))))
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(errors, AnyRequestMatcher.INSTANCE)
            // The form's CSRF token died with its session (left open too long): say so in her
            // language and show the form again rather than a bare 403.
            .defaultAccessDeniedHandlerFor(new SignInExpired(SIGN_IN + "?expired"), signInForm)
            .defaultAccessDeniedHandlerFor(errors, AnyRequestMatcher.INSTANCE))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.console())))
            .frameOptions(frame -> frame.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * No inline script or style, nothing but this provider's own stylesheet. The form may post only
   * here, and the redirects that follow a sign-in may end only at the console's registered
   * callback (browsers check form-action along the redirect chain).
   */
  static String contentSecurityPolicy(ConsoleLogin console) {
    Set<String> formTargets = new LinkedHashSet<>();
    formTargets.add("'self'");
    for (URI callback : console.redirectUris()) {
      formTargets.add(callback.getScheme() + "://" + callback.getRawAuthority());
    }
    return "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'; "
        + "form-action " + String.join(" ", formTargets) + "; "
        + "frame-ancestors 'none'; base-uri 'none'";
  }

  private static HttpSessionRequestCache onlyFor(RequestMatcher matcher) {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(matcher);
    return cache;
  }
}
