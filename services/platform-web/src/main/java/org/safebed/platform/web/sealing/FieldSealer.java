package org.safebed.platform.web.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive fields (shelter and unit addresses, exact locations, person identifiers) in the
 * application with AES-256-GCM, so a database dump shows ciphertext only. The associated data binds
 * each ciphertext to its document id and field: a value copied into another record or field does
 * not decrypt.
 *
 * <p>Sealed form: {@code v1:<keyId>:<base64(iv || ciphertext+tag)>}. New values are always sealed
 * with the current key; values sealed with a previous key still open as long as that key is
 * configured, so a rotation can re-seal record by record ({@link #needsResealing}, {@link #reseal})
 * while the service keeps running.
 */
public final class FieldSealer {

  private static final String PREFIX = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String keyId;
  private final SecretKey key;
  private final java.util.Map<String, SecretKey> keysById;
  private final SecureRandom random = new SecureRandom();

  public FieldSealer(byte[] keyBytes, String keyId) {
    this(keyId, java.util.Map.of(keyId, keyBytes));
  }

  /**
   * @param currentKeyId the key new values are sealed with
   * @param keysById every key that may still open a value: the current one and previous ones
   */
  public FieldSealer(String currentKeyId, java.util.Map<String, byte[]> keysById) {
    java.util.Map<String, SecretKey> keys = new java.util.HashMap<>();
    keysById.forEach((id, bytes) -> {
      if (bytes.length != 32) {
        throw new IllegalArgumentException("The sealing key " + id + " must be 32 bytes (AES-256)");
      }
      if (id.contains(":")) {
        throw new IllegalArgumentException("A key id may not contain ':'");
      }
      keys.put(id, new SecretKeySpec(bytes, "AES"));
    });
    if (!keys.containsKey(currentKeyId)) {
      throw new IllegalArgumentException("No key bytes for the current key id " + currentKeyId);
    }
    this.keyId = currentKeyId;
    this.key = keys.get(currentKeyId);
    this.keysById = java.util.Map.copyOf(keys);
  }

  public String seal(String plaintext, String documentId, String field) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(documentId, field));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + ":" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Sealing failed", e);
    }
  }

  /**
   * @throws SealedValueException when the value was not sealed for this document and field, or with
   *     another key
   */
  public String unseal(String sealed, String documentId, String field) {
    String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
    if (parts.length != 3 || !PREFIX.equals(parts[0])) {
      throw new SealedValueException("not a sealed value");
    }
    SecretKey opening = keysById.get(parts[1]);
    if (opening == null) {
      throw new SealedValueException("sealed with key " + parts[1] + ", which is not configured");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, opening, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(associatedData(documentId, field));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SealedValueException("sealed value does not open for this record and field");
    }
  }

  /** Whether a sealed value was sealed with a key other than the current one. */
  public boolean needsResealing(String sealed) {
    return isSealed(sealed) && !sealed.startsWith(PREFIX + ":" + keyId + ":");
  }

  /** Opens a value sealed with any configured key and seals it again with the current key. */
  public String reseal(String sealed, String documentId, String field) {
    return seal(unseal(sealed, documentId, field), documentId, field);
  }

  public boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX + ":");
  }

  private static byte[] associatedData(String documentId, String field) {
    return (documentId + "\u0000" + field).getBytes(StandardCharsets.UTF_8);
  }

  /** A sealed value that cannot be opened: tampered, moved, or sealed under another key. */
  public static final class SealedValueException extends RuntimeException {
    public SealedValueException(String reason) {
      super(reason, null, false, false);
    }
  }
}
