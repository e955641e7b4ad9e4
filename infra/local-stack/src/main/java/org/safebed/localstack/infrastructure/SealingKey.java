package org.safebed.localstack.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key the services seal addresses with. Sealed fields persist in the data folder, so the key
 * must persist beside them: a new key per start would make yesterday's addresses unreadable. It is
 * generated on first use, never shipped, and readable by its owner only.
 */
public final class SealingKey {

  static final String FILE_NAME = "sealing.key";
  private static final int KEY_BYTES = 32;

  private SealingKey() {}

  /**
   * The key to use: the given one, else the one kept in {@code dataDir} (created when missing),
   * else a random key for this run only.
   */
  public static String resolve(String given, Path dataDirOrNull) {
    if (given != null && !given.isBlank()) {
      requireValid(given);
      return given;
    }
    if (dataDirOrNull == null) {
      return random();
    }
    return loadOrCreate(dataDirOrNull.resolve(FILE_NAME));
  }

  private static String loadOrCreate(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        create(file);
      }
      String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
      requireValid(key);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the local sealing key", e);
    }
  }

  private static void create(Path file) throws IOException {
    try {
      Files.createFile(file);
    } catch (FileAlreadyExistsException raced) {
      return;
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    Files.writeString(file, random(), StandardCharsets.US_ASCII);
  }

  private static String random() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static void requireValid(String key) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the sealing key is not base64", e);
    }
    if (decoded.length != KEY_BYTES) {
      throw new IllegalArgumentException("the sealing key must be 32 bytes, base64-encoded");
    }
  }
}
