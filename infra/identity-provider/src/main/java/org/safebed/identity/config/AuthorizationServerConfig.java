package org.safebed.identity.config;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.safebed.identity.client.DemoClientRegistrations;
import org.safebed.identity.token.RecentAuthorizations;
import org.safebed.identity.token.SafeBedAccessTokenClaims;
import org.safebed.identity.token.SigningKeys;
import org.safebed.identity.user.DemoUsers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** The authorization server's clients, keys, settings and token contents. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

  /** Enough for any demo session; older tokens stay valid, only introspection forgets them. */
  private static final int REMEMBERED_AUTHORIZATIONS = 10_000;

  @Bean
  DemoClientRegistrations demoClientRegistrations(IdentityProviderProperties properties) {
    return new DemoClientRegistrations(properties);
  }

  /** The console's demo people; the sign-in form checks their passwords. */
  @Bean
  DemoUsers demoUsers(IdentityProviderProperties properties) {
    return new DemoUsers(properties.console());
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(DemoClientRegistrations clients) {
    return clients.repository();
  }

  /**
   * Checks client secrets and user passwords in any {@code PasswordEncoder} form but never re-hashes
   * them: they come from configuration, and upgrading {@code {noop}} to bcrypt would only add a
   * bcrypt round to every token request.
   */
  @Bean
  PasswordEncoder configuredSecrets() {
    return new ConfiguredSecrets(PasswordEncoderFactories.createDelegatingPasswordEncoder());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> safeBedAccessTokenClaims(
      DemoClientRegistrations clients, DemoUsers users) {
    return new SafeBedAccessTokenClaims(clients, users);
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new RecentAuthorizations(REMEMBERED_AUTHORIZATIONS);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource() {
    return SigningKeys.generate();
  }

  /** Verifies this provider's own tokens where it accepts them (the OIDC user-info endpoint). */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return NimbusJwtDecoder.withJwkSource(jwkSource).build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdentityProviderProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
  }
}
