package org.safebed.occupancy.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.safebed.occupancy.domain.PlacementRequest;

/**
 * Fingerprints of placement requests, to tell an idempotent retry from a different request under
 * the same key. Keyed (HMAC) rather than a plain hash: the request holds a police case reference
 * from a small, guessable space, and a plain hash in a database dump would let anyone confirm one.
 */
public final class RequestFingerprints {

  private final SecretKeySpec key;

  public RequestFingerprints(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** Derives the fingerprint key from a master key (the sealing key), so no extra secret is needed. */
  public static RequestFingerprints derivedFrom(byte[] masterKey) {
    return new RequestFingerprints(hmac(new SecretKeySpec(masterKey, "HmacSHA256"),
        "safebed/placement-request-fingerprint/v1"));
  }

  public String of(PlacementRequest request, String policeCaseRef) {
    return HexFormat.of().formatHex(hmac(key, request.canonicalForm() + "|case=" + policeCaseRef));
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
