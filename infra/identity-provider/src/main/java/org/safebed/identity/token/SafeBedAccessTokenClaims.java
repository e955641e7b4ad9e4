package org.safebed.identity.token;

import org.safebed.identity.client.DemoClientRegistrations;
import org.safebed.identity.config.SafeBedAccount;
import org.safebed.identity.user.DemoUsers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds the claims SafeBed authorises with ({@code roles}, {@code shelter_ids}, {@code agency_id})
 * and replaces the default audience (the client id) with the SafeBed services the account may call.
 * The account is the client itself for client credentials, and the person who signed in for the
 * console's authorization-code and refresh-token grants, so both kinds of token look alike to the
 * services.
 */
public final class SafeBedAccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final String ROLES = "roles";
  public static final String SHELTER_IDS = "shelter_ids";
  public static final String AGENCY_ID = "agency_id";

  private final DemoClientRegistrations clients;
  private final DemoUsers users;

  public SafeBedAccessTokenClaims(DemoClientRegistrations clients, DemoUsers users) {
    this.clients = clients;
    this.users = users;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    SafeBedAccount account = accountOf(context);
    JwtClaimsSet.Builder claims = context.getClaims();
    claims.audience(clients.audiencesOf(account));
    claims.claim(ROLES, account.roles());
    if (!account.shelterIds().isEmpty()) {
      claims.claim(SHELTER_IDS, account.shelterIds());
    }
    if (account.agencyId() != null && !account.agencyId().isBlank()) {
      claims.claim(AGENCY_ID, account.agencyId());
    }
  }

  private SafeBedAccount accountOf(JwtEncodingContext context) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      String clientId = context.getRegisteredClient().getClientId();
      return clients.find(clientId).orElseThrow(
          () -> new IllegalStateException("no SafeBed attributes for client " + clientId));
    }
    // Authorization code and refresh token: the principal is the person who signed in.
    String username = context.getPrincipal().getName();
    return users.find(username).orElseThrow(
        () -> new IllegalStateException("no SafeBed attributes for a signed-in user"));
  }
}
