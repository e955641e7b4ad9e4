package org.safebed.gateway.console;

import java.util.Optional;
import org.safebed.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Turns a console session into a bearer token for the services and the web console: an API call or
 * a console page that the browser asked for with only its session cookie goes on with {@code
 * Authorization: Bearer <the session's access token>}, refreshed here when due. Calls that came
 * with their own bearer token pass untouched. When the session has no usable token left (refresh
 * refused), the session ends: an API caller gets a 401 problem, a console page goes back to the
 * console's start (and so to sign-in). When the provider cannot be reached, a 503 problem and the
 * session stays.
 */
public final class SessionTokenRelay implements WebFilter {

  private static final Logger log = LoggerFactory.getLogger(SessionTokenRelay.class);

  private final ReactiveOAuth2AuthorizedClientManager authorizedClients;

  public SessionTokenRelay(ReactiveOAuth2AuthorizedClientManager authorizedClients) {
    this.authorizedClients = authorizedClients;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!relayed(exchange.getRequest().getPath().value())) {
      return chain.filter(exchange);
    }
    return exchange.getPrincipal()
        .map(principal -> principal instanceof OAuth2AuthenticationToken signIn
            ? Optional.of(signIn) : Optional.<OAuth2AuthenticationToken>empty())
        .defaultIfEmpty(Optional.empty())
        .flatMap(signIn -> signIn.isPresent()
            ? relay(signIn.get(), exchange, chain)
            : chain.filter(exchange));
  }

  private Mono<Void> relay(OAuth2AuthenticationToken signIn, ServerWebExchange exchange, WebFilterChain chain) {
    OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
        .withClientRegistrationId(signIn.getAuthorizedClientRegistrationId())
        .principal(signIn)
        .attribute(ServerWebExchange.class.getName(), exchange)
        .build();
    // Decide what comes next from the token alone, then run it: errors of the services further
    // down the chain must not be taken for a failed refresh.
    return authorizedClients.authorize(request)
        .map(client -> Mono.defer(() -> chain.filter(withBearer(exchange, client.getAccessToken()))))
        .switchIfEmpty(Mono.fromSupplier(() -> sessionEnded(exchange)))
        .onErrorResume(OAuth2AuthorizationException.class, refused -> {
          // The error code is enough: descriptions can carry the provider's internals.
          log.info("Console session ended: its tokens could not be renewed ({})",
              refused.getError().getErrorCode());
          return Mono.just(sessionEnded(exchange));
        })
        .onErrorResume(failure -> {
          log.warn("Console token renewal failed: {}", failure.getClass().getName());
          return Mono.just(Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
              "Sign-in is unavailable. Try again shortly."));
        })
        .flatMap(next -> next);
  }

  /** The API, and the web console's pages (not the gateway's own answers under /console/). */
  static boolean relayed(String path) {
    return path.startsWith("/api/") || ConsoleRelay.toTheConsole(path);
  }

  private static ServerWebExchange withBearer(ServerWebExchange exchange, OAuth2AccessToken token) {
    return exchange.mutate()
        .request(request -> request.headers(headers -> headers.setBearerAuth(token.getTokenValue())))
        .build();
  }

  private static Mono<Void> sessionEnded(ServerWebExchange exchange) {
    Mono<Void> ended = exchange.getSession().flatMap(WebSession::invalidate);
    if (ConsoleRelay.toTheConsole(exchange.getRequest().getPath().value())) {
      return ended.then(ConsoleRelay.backToTheStart(exchange));
    }
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return ended.then(Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED,
        "The console session has ended. Sign in again."));
  }
}
