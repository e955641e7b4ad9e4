package org.safebed.localstack.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingKeyTest {

  @Test
  void keepsOneKeyPerDataFolderReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    String first = SealingKey.resolve(null, dir.resolve("data"));
    String second = SealingKey.resolve(null, dir.resolve("data"));

    assertThat(second).isEqualTo(first);
    assertThat(Base64.getDecoder().decode(first)).hasSize(32);
    Path file = dir.resolve("data").resolve(SealingKey.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void prefersTheGivenKeyAndCreatesNoFile(@TempDir Path dir) {
    String given = Base64.getEncoder().encodeToString(new byte[32]);

    assertThat(SealingKey.resolve(given, dir)).isEqualTo(given);
    assertThat(dir.resolve(SealingKey.FILE_NAME)).doesNotExist();
  }

  @Test
  void makesAFreshKeyPerRunWithoutADataFolder() {
    assertThat(SealingKey.resolve(null, null)).isNotEqualTo(SealingKey.resolve(null, null));
  }

  @Test
  void refusesAKeyOfTheWrongSize() {
    String tooShort = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatIllegalArgumentException().isThrownBy(() -> SealingKey.resolve(tooShort, null));
    assertThatIllegalArgumentException().isThrownBy(() -> SealingKey.resolve("%%%", null));
  }
}
