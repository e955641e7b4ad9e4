package org.safebed.gateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Who signed in, with her SafeBed roles as {@code ROLE_*} authorities. The roles come from the
 * access token the services will see, checked as the gateway checks every bearer token (issuer,
 * audience {@code safebed-gateway}, RS256, expiry): a sign-in whose token the gateway would refuse
 * from a script fails here instead of on the first API call.
 */
final class SignedInPeople implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

  static final String ROLE_PREFIX = "ROLE_";

  private final OidcReactiveOAuth2UserService idTokens = new OidcReactiveOAuth2UserService();
  private final ReactiveJwtDecoder accessTokens;

  SignedInPeople(ReactiveJwtDecoder accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public Mono<OidcUser> loadUser(OidcUserRequest request) {
    return accessTokens.decode(request.getAccessToken().getTokenValue())
        .onErrorMap(JwtException.class, refused -> refused("the access token is not valid for SafeBed"))
        .zipWith(idTokens.loadUser(request))
        .map(tokenAndUser -> withRoles(tokenAndUser.getT2(), tokenAndUser.getT1()));
  }

  private static OidcUser withRoles(OidcUser user, Jwt accessToken) {
    if (!Objects.equals(user.getSubject(), accessToken.getSubject())) {
      throw refused("the ID and access tokens name different accounts");
    }
    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
    List<String> roles = accessToken.getClaimAsStringList("roles");
    if (roles != null) {
      roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role)));
    }
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
  }

  private static OAuth2AuthenticationException refused(String why) {
    return new OAuth2AuthenticationException(new OAuth2Error("invalid_token", why, null));
  }
}
