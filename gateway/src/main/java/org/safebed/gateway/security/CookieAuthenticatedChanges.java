package org.safebed.gateway.security;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which requests need a CSRF token: the state-changing ones that a signed-in console session, and
 * so a cookie a browser adds by itself, could authenticate. A request with a bearer token is
 * authenticated by that token alone (another site cannot make a browser send one), and a request
 * without a signed-in session is not authenticated at all, so it gets its 401 rather than a 403.
 */
final class CookieAuthenticatedChanges implements ServerWebExchangeMatcher {

  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  @Override
  public Mono<MatchResult> matches(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    if (SAFE.contains(request.getMethod()) || carriesBearerToken(request)) {
      return MatchResult.notMatch();
    }
    return exchange.getSession()
        .map(session -> session.getAttributes().containsKey(
            WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
        .flatMap(signedIn -> signedIn ? MatchResult.match() : MatchResult.notMatch());
  }

  /** The resource server takes any "Bearer" value (and refuses a malformed one with 401). */
  static boolean carriesBearerToken(ServerHttpRequest request) {
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return authorization != null && authorization.regionMatches(true, 0, "bearer", 0, 6);
  }
}
