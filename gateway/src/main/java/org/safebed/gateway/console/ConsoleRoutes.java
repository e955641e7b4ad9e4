package org.safebed.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safebed.gateway.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The gateway's own answers under {@code /console/}: who is signed in ({@link #ME}) and the
 * session's CSRF token ({@link #CSRF}), for scripts that call the API with the session cookie.
 * Nothing here ever carries a token. Every other console path is the web console's, routed to it
 * with the person's access token (see {@code gateway.yml} and {@link ConsoleRelay}).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoutes {

  /** Where every console path starts. */
  public static final String PATH = "/console/";
  /** The console's own files and the language switch: the signed-out page needs them too. */
  public static final String[] PUBLIC = {"/console/static/**", "/console/webjars/**", "/console/language"};
  /** Who is signed in: subject and roles, nothing else. */
  public static final String ME = "/console/me";
  /** The session's CSRF token, for the page's POSTs; unreadable from other origins. */
  public static final String CSRF = "/console/csrf";
  /** Where signing out lands (a page of the web console); public. */
  public static final String SIGNED_OUT = "/console/signed-out";

  @Bean
  RouterFunction<ServerResponse> consolePagesAndAnswers() {
    return RouterFunctions.route()
        .GET(ME, ConsoleRoutes::me)
        .GET(CSRF, ConsoleRoutes::csrf)
        .build();
  }

  private static Mono<ServerResponse> me(ServerRequest request) {
    return request.principal()
        .filter(OAuth2AuthenticationToken.class::isInstance)
        .cast(OAuth2AuthenticationToken.class)
        .flatMap(signIn -> {
          Map<String, Object> me = new LinkedHashMap<>();
          me.put("subject", signIn.getName());
          me.put("roles", rolesOf(signIn));
          return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(me);
        })
        .switchIfEmpty(Mono.defer(() -> notSignedIn(request)));
  }

  static List<String> rolesOf(OAuth2AuthenticationToken signIn) {
    return signIn.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(SignedInPeople.ROLE_PREFIX))
        .map(authority -> authority.substring(SignedInPeople.ROLE_PREFIX.length()))
        .sorted()
        .toList();
  }

  private static Mono<ServerResponse> csrf(ServerRequest request) {
    Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
    if (token == null) {
      return notSignedIn(request);
    }
    return token.flatMap(csrf -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of(
            "headerName", csrf.getHeaderName(),
            "parameterName", csrf.getParameterName(),
            "token", csrf.getToken())));
  }

  /** Security answers unauthenticated calls before they get here; this covers bearer callers. */
  private static Mono<ServerResponse> notSignedIn(ServerRequest request) {
    return ServerResponse.status(HttpStatus.UNAUTHORIZED)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(Problems.body(HttpStatus.UNAUTHORIZED, "Sign in to the console first."));
  }
}
