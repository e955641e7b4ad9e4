package org.safebed.platform.web.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the service's token decoder: RS256 only, and a token is accepted only if it was issued by
 * the configured issuer, for this service's audience, and is within its validity window.
 */
public final class JwtDecoders {

  private JwtDecoders() {}

  public static JwtDecoder from(TokenValidationProperties properties) {
    if (properties.issuer() == null || properties.audience() == null) {
      throw new IllegalStateException("safebed.security.token.issuer and .audience must be set");
    }
    NimbusJwtDecoder decoder;
    if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
      decoder =
          NimbusJwtDecoder.withPublicKey(rsaKey(properties.publicKey()))
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } else if (properties.jwkSetUri() != null) {
      decoder =
          NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
              .jwsAlgorithm(SignatureAlgorithm.RS256)
              .build();
    } else {
      throw new IllegalStateException("safebed.security.token.jwk-set-uri must be set");
    }
    decoder.setJwtValidator(validator(properties));
    return new VerifiedTokens(decoder, new JwtTimestampValidator(properties.clockSkew()));
  }

  static OAuth2TokenValidator<Jwt> validator(TokenValidationProperties properties) {
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.issuer()),
            audience(properties.audience())));
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    OAuth2Error wrongAudience =
        new OAuth2Error("invalid_token", "The token is not addressed to this service", null);
    return jwt -> {
      List<String> audiences = jwt.getAudience();
      return audiences != null && audiences.contains(audience)
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(wrongAudience);
    };
  }

  private static RSAPublicKey rsaKey(String base64) {
    try {
      byte[] der = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
      return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (Exception e) {
      throw new IllegalStateException("safebed.security.token.public-key is not a base64 X.509 RSA key", e);
    }
  }
}
