package org.safebed.platform.web.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The application server's P-256 key pair (RFC 8292), in the raw forms browsers and the
 * configuration use: the public key as the uncompressed point {@code 04 || X || Y}, the private key
 * as the 32-byte scalar, both base64url. {@link #toString()} never shows the private key.
 */
public final class VapidKeys {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final ECParameterSpec P256 = p256();

  private final ECPublicKey publicKey;
  private final ECPrivateKey privateKey;

  private VapidKeys(ECPublicKey publicKey, ECPrivateKey privateKey) {
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    requirePair();
  }

  /** Keys from configuration; refuses keys that are malformed or do not belong together. */
  public static VapidKeys of(String publicKeyBase64url, String privateKeyBase64url) {
    try {
      byte[] point = Base64.getUrlDecoder().decode(publicKeyBase64url.strip());
      byte[] scalar = Base64.getUrlDecoder().decode(privateKeyBase64url.strip());
      if (point.length != 65 || point[0] != 4 || scalar.length != 32) {
        throw new IllegalArgumentException("VAPID keys must be a raw P-256 point (65 bytes) and scalar (32 bytes)");
      }
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPoint w = new ECPoint(
          new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
      return new VapidKeys(
          (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(w, P256)),
          (ECPrivateKey) factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), P256)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // the message names the rule only: the configured values never reach a log
      throw new IllegalArgumentException("Invalid VAPID key pair (safebed.push.vapid)", null);
    }
  }

  /** A new pair, for a demo stack without configured keys. */
  public static VapidKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      return new VapidKeys((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No P-256 in this JDK", e);
    }
  }

  /** The uncompressed point, base64url without padding: the browser's {@code applicationServerKey}. */
  public String publicKeyBase64url() {
    byte[] point = new byte[65];
    point[0] = 4;
    copy(publicKey.getW().getAffineX(), point, 1);
    copy(publicKey.getW().getAffineY(), point, 33);
    return BASE64URL.encodeToString(point);
  }

  public ECPublicKey publicKey() {
    return publicKey;
  }

  /** ES256 over the bytes, in the JOSE form (R || S, 64 bytes) rather than DER. */
  byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
  }

  private void requirePair() {
    try {
      byte[] probe = "vapid".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
      verify.initVerify(publicKey);
      verify.update(probe);
      if (!verify.verify(sign(probe))) {
        throw new IllegalArgumentException("the VAPID public and private keys are not one pair");
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the VAPID keys cannot be used", null);
    }
  }

  private static void copy(BigInteger coordinate, byte[] into, int offset) {
    byte[] bytes = coordinate.toByteArray(); // big-endian, maybe with a sign byte or shorter than 32
    int length = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("No P-256 in this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "VapidKeys[public=" + publicKeyBase64url() + "]";
  }
}
