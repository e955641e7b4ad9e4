package org.safebed.gateway.security;

import org.safebed.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem+json with a bearer challenge (RFC 6750). Why a token was refused stays in
 * the gateway: telling the caller which check failed helps only someone forging tokens.
 */
final class ProblemJsonSecurityErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException exception) {
    boolean tokenPresented = exception instanceof InvalidBearerTokenException
        || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
        tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
    String detail = tokenPresented
        ? "The bearer token is not valid for SafeBed."
        : "A bearer token is required.";
    return Problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, detail);
  }

  /** A console request that changes state without the session's CSRF token. */
  static Mono<Void> csrfRefused(ServerWebExchange exchange, AccessDeniedException denied) {
    return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
        "The request lacks the console session's CSRF token.");
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
        "Bearer error=\"insufficient_scope\"");
    return Problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Access is denied.");
  }
}
