package org.safebed.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safebed.gateway.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
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
 * The web console: a static page and its script (no build step), plus two small JSON answers for
 * it. Nothing here ever carries a token: the page learns who is signed in from {@link #ME}, and the
 * CSRF token for its state-changing calls from {@link #CSRF}; its API calls carry only the session
 * cookie. Files live under {@code classpath:/console/}, outside the static locations that other
 * applications of the local stack (same classpath) would also serve.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleRoutes {

  /** Where every console path starts. */
  public static final String PATH = "/console/";
  /** Who is signed in: subject and roles, nothing else. */
  public static final String ME = "/console/me";
  /** The session's CSRF token, for the page's POSTs; unreadable from other origins. */
  public static final String CSRF = "/console/csrf";
  /** Where signing out lands; public. */
  public static final String SIGNED_OUT = "/console/signed-out";

  private static final ClassPathResource FILES = new ClassPathResource("console/");
  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  @Bean
  RouterFunction<ServerResponse> consolePagesAndAnswers() {
    return RouterFunctions.route()
        .GET("/console", request -> ServerResponse.temporaryRedirect(request.uri().resolve(PATH)).build())
        .GET(PATH, request -> page("index.html"))
        .GET(SIGNED_OUT, request -> page("signed-out.html"))
        .GET(ME, ConsoleRoutes::me)
        .GET(CSRF, ConsoleRoutes::csrf)
        .build()
        .and(RouterFunctions.resources(PATH + "**", FILES));
  }

  private static Mono<ServerResponse> page(String file) {
    Resource resource = FILES.createRelative(file);
    return ServerResponse.ok().contentType(HTML).bodyValue(resource);
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
