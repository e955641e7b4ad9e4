package org.safebed.gateway.security;

import java.util.List;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Who may read the gateway's operator endpoints ({@code /actuator/prometheus}): a bearer token with
 * role COORDINATOR in its {@code roles} claim, as on the services. The gateway's bearer
 * authentication keeps the token's scopes as authorities, so the claim is read here.
 */
final class OperatorAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

  static final String ROLE = "COORDINATOR";

  @Override
  public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
    return authentication
        .filter(Authentication::isAuthenticated)
        .map(OperatorAccess::isCoordinatorToken)
        .defaultIfEmpty(false)
        .map(granted -> (AuthorizationResult) new AuthorizationDecision(granted));
  }

  private static boolean isCoordinatorToken(Authentication authentication) {
    if (authentication instanceof JwtAuthenticationToken token) {
      List<String> roles = token.getToken().getClaimAsStringList("roles");
      return roles != null && roles.contains(ROLE);
    }
    return false;
  }
}
