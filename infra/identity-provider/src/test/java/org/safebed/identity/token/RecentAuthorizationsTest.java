package org.safebed.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class RecentAuthorizationsTest {

  private static final RegisteredClient CLIENT = RegisteredClient.withId("demo-police")
      .clientId("demo-police")
      .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
      .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
      .build();

  @Test
  void forgetsTheOldestBeyondItsCapacity() {
    RecentAuthorizations authorizations = new RecentAuthorizations(2);
    authorizations.save(authorization("a", "token-a"));
    authorizations.save(authorization("b", "token-b"));
    authorizations.save(authorization("c", "token-c"));

    assertThat(authorizations.findById("a")).isNull();
    assertThat(authorizations.findById("b")).isNotNull();
    assertThat(authorizations.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(authorizations.findByToken("token-c", OAuth2TokenType.ACCESS_TOKEN).getId())
        .isEqualTo("c");
  }

  @Test
  void findsATokenOnlyAsItsOwnType() {
    RecentAuthorizations authorizations = new RecentAuthorizations(10);
    authorizations.save(authorization("a", "token-a"));

    assertThat(authorizations.findByToken("token-a", null)).isNotNull();
    assertThat(authorizations.findByToken("token-a", OAuth2TokenType.REFRESH_TOKEN)).isNull();
    assertThat(authorizations.findByToken("token-b", OAuth2TokenType.ACCESS_TOKEN)).isNull();
  }

  @Test
  void findsAnAuthorizationCodeAsACode() {
    RecentAuthorizations authorizations = new RecentAuthorizations(10);
    Instant now = Instant.now();
    authorizations.save(OAuth2Authorization.withRegisteredClient(CLIENT)
        .id("with-code")
        .principalName("police")
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .token(new OAuth2AuthorizationCode("code-a", now, now.plusSeconds(300)))
        .build());

    assertThat(authorizations.findByToken("code-a", new OAuth2TokenType(OAuth2ParameterNames.CODE)))
        .isNotNull();
    assertThat(authorizations.findByToken("code-a", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(authorizations.findByToken("code-a", new OAuth2TokenType(OAuth2ParameterNames.STATE)))
        .isNull();
  }

  @Test
  void removesOnRequest() {
    RecentAuthorizations authorizations = new RecentAuthorizations(10);
    OAuth2Authorization a = authorization("a", "token-a");
    authorizations.save(a);

    authorizations.remove(a);

    assertThat(authorizations.findById("a")).isNull();
  }

  private static OAuth2Authorization authorization(String id, String tokenValue) {
    Instant now = Instant.now();
    return OAuth2Authorization.withRegisteredClient(CLIENT)
        .id(id)
        .principalName("demo-police")
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .accessToken(new OAuth2AccessToken(
            OAuth2AccessToken.TokenType.BEARER, tokenValue, now, now.plusSeconds(900)))
        .build();
  }
}
