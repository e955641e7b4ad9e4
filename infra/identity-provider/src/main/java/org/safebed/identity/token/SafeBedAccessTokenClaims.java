package org.safebed.identity.token;

import org.safebed.identity.client.DemoClientRegistrations;
import org.safebed.identity.config.DemoClient;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Adds the claims SafeBed authorises with ({@code roles}, {@code shelter_ids}, {@code agency_id})
 * and replaces the default audience (the client id) with the SafeBed services the account may call.
 */
public final class SafeBedAccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  public static final String ROLES = "roles";
  public static final String SHELTER_IDS = "shelter_ids";
  public static final String AGENCY_ID = "agency_id";

  private final DemoClientRegistrations clients;

  public SafeBedAccessTokenClaims(DemoClientRegistrations clients) {
    this.clients = clients;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    String clientId = context.getRegisteredClient().getClientId();
    DemoClient client = clients.find(clientId)
        .orElseThrow(() -> new IllegalStateException("no SafeBed attributes for client " + clientId));
    JwtClaimsSet.Builder claims = context.getClaims();
    claims.audience(clients.audiencesOf(client));
    claims.claim(ROLES, client.roles());
    if (!client.shelterIds().isEmpty()) {
      claims.claim(SHELTER_IDS, client.shelterIds());
    }
    if (client.agencyId() != null && !client.agencyId().isBlank()) {
      claims.claim(AGENCY_ID, client.agencyId());
    }
  }
}
