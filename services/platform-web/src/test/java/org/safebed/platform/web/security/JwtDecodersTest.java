package org.safebed.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class JwtDecodersTest {

  private static final String ISSUER = "https://idp.safebed.test";
  private final KeyPair keys = rsa();
  private final JwtDecoder decoder =
      JwtDecoders.from(new TokenValidationProperties(ISSUER, "safebed-transport", null,
          Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()), Duration.ofSeconds(5)));

  @Test
  void acceptsAValidTokenAndReadsTheCaller() throws Exception {
    Jwt jwt = decoder.decode(token(ISSUER, List.of("safebed-transport"), Instant.now(), keys));
    Caller caller = Caller.from(jwt);

    assertThat(caller.subject()).isEqualTo("demo-driver");
    assertThat(caller.roles()).containsExactly(Role.DRIVER);
  }

  @Test
  void refusesOtherAudienceIssuerExpiryFutureAndForeignKey() throws Exception {
    assertRefused(token(ISSUER, List.of("safebed-shelter-occupancy"), Instant.now(), keys));
    assertRefused(token("https://evil.example", List.of("safebed-transport"), Instant.now(), keys));
    assertRefused(token(ISSUER, List.of("safebed-transport"), Instant.now().minus(Duration.ofHours(1)), keys));
    assertRefused(token(ISSUER, List.of("safebed-transport"), Instant.now().plus(Duration.ofHours(1)), keys));
    assertRefused(token(ISSUER, List.of("safebed-transport"), Instant.now(), rsa()));
  }

  @Test
  void refusesSymmetricallySignedTokens() throws Exception {
    SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(ISSUER, List.of("safebed-transport"), Instant.now()));
    hs.sign(new MACSigner(new byte[32]));
    assertRefused(hs.serialize());
  }

  @Test
  void unknownRolesAreIgnored() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(ISSUER, List.of("safebed-transport"), Instant.now()))
        .claim("roles", List.of("DRIVER", "SUPERUSER")).build();
    Jwt jwt = decoder.decode(sign(claims, keys));
    assertThat(Caller.from(jwt).roles()).containsExactly(Role.DRIVER);
  }

  private void assertRefused(String token) {
    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
  }

  private static JWTClaimsSet claims(String issuer, List<String> audience, Instant issuedAt) {
    return new JWTClaimsSet.Builder()
        .subject("demo-driver")
        .issuer(issuer)
        .audience(audience)
        .issueTime(Date.from(issuedAt))
        .notBeforeTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(10))))
        .claim("roles", List.of("DRIVER"))
        .build();
  }

  private static String token(String issuer, List<String> audience, Instant issuedAt, KeyPair signer) throws Exception {
    return sign(claims(issuer, audience, issuedAt), signer);
  }

  private static String sign(JWTClaimsSet claims, KeyPair signer) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(signer.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
