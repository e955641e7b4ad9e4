package org.safebed.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints bearer tokens for tests, signed by a key pair made for this JVM; services under test trust
 * its public key ({@link #publicKeyBase64()}) and the issuer {@link #ISSUER}, and validate them
 * exactly as they validate real ones.
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.safebed.test";
  public static final List<String> ALL_AUDIENCES =
      List.of("safebed-gateway", "safebed-shelter-occupancy", "safebed-transport", "safebed-rental-referral");

  private static final KeyPair KEYS = generate();

  private TestTokens() {}

  public static String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
  }

  public static String police(String subject) {
    return token().subject(subject).roles("POLICE").claim("agency_id", "police-test").sign();
  }

  public static String coordinator(String subject) {
    return token().subject(subject).roles("COORDINATOR").sign();
  }

  public static String shelterManager(String subject, String... shelterIds) {
    return token().subject(subject).roles("SHELTER_MANAGER").claim("shelter_ids", List.of(shelterIds)).sign();
  }

  public static String housingOfficer(String subject, String agencyId) {
    return token().subject(subject).roles("HOUSING_OFFICER").claim("agency_id", agencyId).sign();
  }

  public static String driver(String subject) {
    return token().subject(subject).roles("DRIVER").sign();
  }

  public static String service(String subject) {
    return token().subject(subject).roles("SERVICE").sign();
  }

  public static Builder token() {
    return new Builder();
  }

  /** A token with any claim set, including invalid ones (wrong audience, expired, foreign issuer). */
  public static final class Builder {
    private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
    private String issuer = ISSUER;
    private List<String> audiences = ALL_AUDIENCES;
    private Instant issuedAt = Instant.now();
    private Duration lifetime = Duration.ofMinutes(10);
    private KeyPair signingKeys = KEYS;

    public Builder subject(String subject) {
      claims.subject(subject);
      return this;
    }

    public Builder roles(String... roles) {
      claims.claim("roles", List.of(roles));
      return this;
    }

    public Builder claim(String name, Object value) {
      claims.claim(name, value);
      return this;
    }

    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    public Builder audiences(String... audiences) {
      this.audiences = List.of(audiences);
      return this;
    }

    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    public Builder lifetime(Duration lifetime) {
      this.lifetime = lifetime;
      return this;
    }

    /** Signs with a key nobody trusts: the token must be refused. */
    public Builder signedByStranger() {
      this.signingKeys = generate();
      return this;
    }

    public String sign() {
      JWTClaimsSet set =
          claims
              .issuer(issuer)
              .audience(new ArrayList<>(audiences))
              .issueTime(Date.from(issuedAt))
              .notBeforeTime(Date.from(issuedAt))
              .expirationTime(Date.from(issuedAt.plus(lifetime)))
              .jwtID(UUID.randomUUID().toString())
              .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set);
      try {
        jwt.sign(new RSASSASigner((RSAPrivateKey) signingKeys.getPrivate()));
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
      return jwt.serialize();
    }
  }

  /** Properties that make a service under test trust these tokens. */
  public static Map<String, String> trustProperties() {
    return Map.of(
        "safebed.security.token.issuer", ISSUER,
        "safebed.security.token.public-key", publicKeyBase64());
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
