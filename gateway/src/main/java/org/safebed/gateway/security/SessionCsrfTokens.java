package org.safebed.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console session's CSRF token, kept in the session like Spring's
 * {@link WebSessionServerCsrfTokenRepository}, but without changing the session's id when a token
 * is first stored. Spring does that on the page's first call for the token, while the same page's
 * other requests (its icon, its first API calls) are still on their way with the old id, which then
 * no longer leads to any session. The id changes where it protects something: at sign-in, so that an
 * id known before it is worthless (see {@code ConsoleSessions}); a CSRF token is no privilege and
 * exists only in a signed-in session.
 */
final class SessionCsrfTokens implements ServerCsrfTokenRepository {

  static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".TOKEN";

  private final WebSessionServerCsrfTokenRepository tokens = new WebSessionServerCsrfTokenRepository();

  SessionCsrfTokens() {
    tokens.setSessionAttributeName(ATTRIBUTE);
  }

  @Override
  public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
    return tokens.generateToken(exchange);
  }

  @Override
  public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
    return exchange.getSession()
        .doOnNext(session -> {
          if (token == null) {
            session.getAttributes().remove(ATTRIBUTE);
          } else {
            session.getAttributes().put(ATTRIBUTE, token);
          }
        })
        .then();
  }

  @Override
  public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
    return tokens.loadToken(exchange);
  }
}
