package org.safebed.identity.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps the most recent authorizations only. The default in-memory service keeps every token ever
 * issued, which grows without bound under a load test; access tokens here are self-contained
 * JWTs, so only introspection and revocation of recent tokens, and the console's codes and refresh
 * tokens (minutes to an hour old), need this record.
 */
public final class RecentAuthorizations implements OAuth2AuthorizationService {

  private final Map<String, OAuth2Authorization> byId;

  public RecentAuthorizations(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.byId = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, OAuth2Authorization> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public synchronized void save(OAuth2Authorization authorization) {
    byId.put(authorization.getId(), authorization);
  }

  @Override
  public synchronized void remove(OAuth2Authorization authorization) {
    byId.remove(authorization.getId());
  }

  @Override
  public synchronized OAuth2Authorization findById(String id) {
    return byId.get(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    List<OAuth2Authorization> newestFirst;
    synchronized (this) {
      newestFirst = new ArrayList<>(byId.values()).reversed();
    }
    for (OAuth2Authorization authorization : newestFirst) {
      OAuth2Authorization.Token<?> found = authorization.getToken(token);
      if (found != null && isOfType(found, tokenType)) {
        return authorization;
      }
    }
    return null;
  }

  private static boolean isOfType(OAuth2Authorization.Token<?> token, OAuth2TokenType type) {
    if (type == null) {
      return true;
    }
    if (OAuth2TokenType.ACCESS_TOKEN.equals(type)) {
      return token.getToken() instanceof OAuth2AccessToken;
    }
    if (OAuth2TokenType.REFRESH_TOKEN.equals(type)) {
      return token.getToken() instanceof OAuth2RefreshToken;
    }
    if (OAuth2ParameterNames.CODE.equals(type.getValue())) {
      return token.getToken() instanceof OAuth2AuthorizationCode;
    }
    if (OidcParameterNames.ID_TOKEN.equals(type.getValue())) {
      return token.getToken() instanceof OidcIdToken;
    }
    // States (consent is never asked) and device codes belong to flows this provider does not offer.
    return false;
  }
}
