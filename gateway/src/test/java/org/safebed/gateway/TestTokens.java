package org.safebed.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints tokens the way the identity provider does, plus broken variants. */
final class TestTokens {

  static final String ISSUER = "https://issuer.safebed.test";
  static final RSAKey PROVIDER_KEY = generate();
  static final RSAKey FOREIGN_KEY = generate();

  private TestTokens() {}

  /** The provider's public JWK set, as served at its jwks_uri. */
  static String jwks() {
    return new JWKSet(PROVIDER_KEY.toPublicJWK()).toString();
  }

  /** Claims of a valid police token for {@code subject}. */
  static JWTClaimsSet.Builder valid(String subject) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject(subject)
        .audience(List.of("safebed-gateway", "safebed-shelter-occupancy"))
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
        .jwtID(UUID.randomUUID().toString())
        .claim("roles", List.of("POLICE"));
  }

  static String sign(JWTClaimsSet.Builder claims) {
    return sign(claims, PROVIDER_KEY);
  }

  static String sign(JWTClaimsSet.Builder claims, RSAKey key) {
    try {
      SignedJWT jwt = new SignedJWT(
          new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
