package org.safebed.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.UUID;

/**
 * The token signing key. A new RSA key pair per start is enough for a local stack: tokens are
 * short-lived and every verifier fetches the JWK set again when it meets an unknown key id.
 */
public final class SigningKeys {

  private SigningKeys() {}

  /** A JWK source holding one freshly generated 2048-bit RS256 signing key. */
  public static JWKSource<SecurityContext> generate() {
    try {
      RSAKey key = new RSAKeyGenerator(2048)
          .keyID(UUID.randomUUID().toString())
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .generate();
      return new ImmutableJWKSet<>(new JWKSet(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the token signing key", e);
    }
  }
}
