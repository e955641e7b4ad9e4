package org.safebed.platform.web.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this service validates bearer tokens. Exactly one key source is used: the JWK set of the OIDC
 * provider in every real deployment, or a fixed public key (base64 X.509) in tests.
 *
 * @param issuer the only accepted {@code iss}
 * @param audience this service's own audience; tokens not addressed to it are refused
 * @param jwkSetUri where the provider publishes its signing keys
 * @param publicKey a base64 X.509 RSA public key (tests only)
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 */
@ConfigurationProperties("safebed.security.token")
public record TokenValidationProperties(
    String issuer, String audience, String jwkSetUri, String publicKey, Duration clockSkew) {

  public TokenValidationProperties {
    clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
  }
}
