package org.safebed.occupancy.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque tokens for police case references, so keep-apart rules can compare them without any
 * reference being stored in clear. Keyed (HMAC) because references come from a small, guessable
 * space: a plain hash in a database dump would confirm a guess. References are compared without
 * regard to case or surrounding blanks (safer to keep apart too many than too few).
 */
public final class CaseTokens {

  private final SecretKeySpec key;

  private CaseTokens(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  /** Derived from the master (sealing) key, so no extra secret is needed. */
  public static CaseTokens derivedFrom(byte[] masterKey) {
    return new CaseTokens(hmac(new SecretKeySpec(masterKey, "HmacSHA256"), "safebed/case-token/v1"));
  }

  public String of(String caseReference) {
    return HexFormat.of().formatHex(hmac(key, caseReference.strip().toUpperCase(Locale.ROOT)));
  }

  public Set<String> of(Collection<String> caseReferences) {
    return caseReferences.stream().map(this::of).collect(Collectors.toUnmodifiableSet());
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
