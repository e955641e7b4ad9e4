package org.safebed.platform.testing;

import java.math.BigInteger;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A test VAPID key pair in the raw base64url forms of the configuration, and a JWT check with it. */
public record PushKeys(KeyPair pair) {

  public static PushKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new PushKeys(generator.generateKeyPair());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String publicKey() {
    ECPublicKey key = (ECPublicKey) pair.getPublic();
    byte[] point = new byte[65];
    point[0] = 4;
    fixed(key.getW().getAffineX(), point, 1);
    fixed(key.getW().getAffineY(), point, 33);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(point);
  }

  public String privateKey() {
    byte[] scalar = new byte[32];
    fixed(((ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(scalar);
  }

  /** Whether the compact JWS is ES256 and verifies with this pair's public key (checked by Nimbus, not our code). */
  public boolean signed(String jwt) {
    try {
      SignedJWT parsed = SignedJWT.parse(jwt);
      return JWSAlgorithm.ES256.equals(parsed.getHeader().getAlgorithm())
          && parsed.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic()));
    } catch (Exception e) {
      return false;
    }
  }

  private static void fixed(BigInteger value, byte[] into, int offset) {
    byte[] bytes = value.toByteArray();
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
  }
}
