package org.safebed.gateway.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.net.URI;
import org.safebed.gateway.console.ConsoleRoutes;
import org.safebed.gateway.web.Problems;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Two ways in, one filter chain:
 *
 * <ul>
 *   <li>a bearer token on {@code /api/**} (scripts, police systems, apps): validated from
 *       {@code spring.security.oauth2.resourceserver.jwt.*} (issuer, audience
 *       {@code safebed-gateway}, RS256 keys from the provider's JWK set, expiry, not-before); no
 *       session, no CSRF;
 *   <li>the web console: the gateway signs the person in (authorization code + PKCE, see
 *       {@code ConsoleSignInConfig}) and keeps her tokens in a server-side session; the browser
 *       holds only the session cookie, state-changing calls need the session's CSRF token, and
 *       {@code SessionTokenRelay} puts the access token on her API calls.
 * </ul>
 *
 * An API call without credentials always gets a 401 problem, never a redirect; only console pages
 * send the browser to sign in. Health and info are public; nothing else is routed (404).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /** The registration id of the console's sign-in ({@code spring.security.oauth2.client.registration.safebed}). */
  static final String CONSOLE_REGISTRATION = "safebed";
  static final String SIGN_IN = "/oauth2/authorization/" + CONSOLE_REGISTRATION;
  static final String SIGN_OUT = "/logout";

  /**
   * A URL the firewall refuses (an encoded slash or semicolon, {@code ..}, a control character) gets
   * a problem like any other 400 instead of an empty body; the URL is not repeated back.
   */
  @Bean
  ServerExchangeRejectedHandler problemJsonExchangeRejected() {
    return (exchange, rejected) -> Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
        "The request URL contains characters SafeBed does not accept.");
  }

  /** Bearer tokens' signatures are verified once each (see {@link VerifiedTokens}). */
  @Bean
  static BeanPostProcessor verifiedTokens() {
    return VerifiedTokens.wrappingDecoders();
  }

  @Bean
  SecurityWebFilterChain gatewaySecurity(
      ServerHttpSecurity http, ServerOAuth2AuthorizationRequestResolver signInRequests) {
    ProblemJsonSecurityErrors errors = new ProblemJsonSecurityErrors();
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .pathMatchers("/actuator/**").access(new OperatorAccess())
            .pathMatchers(ConsoleRoutes.SIGNED_OUT).permitAll()
            .pathMatchers(ConsoleRoutes.PUBLIC).permitAll()
            .pathMatchers("/api/**", "/console", "/console/**").authenticated()
            // Nothing else is routed (see gateway.yml), so these requests end in a 404.
            .anyExchange().permitAll())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(withDefaults())
            .authenticationEntryPoint(errors)
            .accessDeniedHandler(errors))
        .oauth2Login(login -> login
            .authorizationRequestResolver(signInRequests)
            .authenticationSuccessHandler(toConsole())
            .authenticationFailureHandler(
                new RedirectServerAuthenticationFailureHandler(ConsoleRoutes.SIGNED_OUT)))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(entryPoint(errors))
            .accessDeniedHandler(errors))
        .csrf(csrf -> csrf
            .csrfTokenRepository(new SessionCsrfTokens())
            .requireCsrfProtectionMatcher(new CookieAuthenticatedChanges())
            .accessDeniedHandler(ProblemJsonSecurityErrors::csrfRefused))
        .logout(logout -> logout
            .logoutUrl(SIGN_OUT)
            .logoutHandler(new DelegatingServerLogoutHandler(
                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler()))
            .logoutSuccessHandler(signedOut()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        // Reads the console's session; bearer-token requests never create one.
        .securityContextRepository(new WebSessionServerSecurityContextRepository())
        .headers(headers -> headers
            .frameOptions(frame -> frame.mode(Mode.DENY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /** Console pages send the browser to sign in; everything else answers a 401 problem. */
  private static ServerAuthenticationEntryPoint entryPoint(ServerAuthenticationEntryPoint problems) {
    RedirectServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
    signIn.setRequestCache(NoOpServerRequestCache.getInstance());
    DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
        new DelegateEntry(new AndServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/console", "/console/**"),
            new NegatedServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(ConsoleRoutes.ME, ConsoleRoutes.CSRF))),
            signIn));
    entryPoint.setDefaultEntryPoint(problems);
    return entryPoint;
  }

  private static RedirectServerAuthenticationSuccessHandler toConsole() {
    RedirectServerAuthenticationSuccessHandler success =
        new RedirectServerAuthenticationSuccessHandler(ConsoleRoutes.PATH);
    success.setRequestCache(NoOpServerRequestCache.getInstance());
    return success;
  }

  private static RedirectServerLogoutSuccessHandler signedOut() {
    RedirectServerLogoutSuccessHandler success = new RedirectServerLogoutSuccessHandler();
    success.setLogoutSuccessUrl(URI.create(ConsoleRoutes.SIGNED_OUT));
    return success;
  }
}
