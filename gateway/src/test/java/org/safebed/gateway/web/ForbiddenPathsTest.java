package org.safebed.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForbiddenPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/placements/../internal/x", "/api/placements/%2e%2e/internal/x",
      "/api/placements/%2E%2E/internal", "/api/placements/..;x/internal", "/api/./placements",
      "/api/placements%2f..%2finternal", "/api/placements/%5c..", "/api/%252e%252e/x"})
  void refusesPathsAServerWouldNormaliseDifferently(String path) {
    assertThat(ForbiddenPaths.isAmbiguous(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/placements/p-1", "/api/shelters", "/api/placements/p.1/check-in",
      "/actuator/health", "/api/rental-units/u..1"})
  void passesOrdinaryPaths(String path) {
    assertThat(ForbiddenPaths.isAmbiguous(path)).isFalse();
    assertThat(ForbiddenPaths.isInternal(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/internal", "/internal/x", "//internal/x", "/INTERNAL/x",
      "/%69nternal/x", "/internal;a=b/x"})
  void recognisesInternalPaths(String path) {
    assertThat(ForbiddenPaths.isInternal(path)).isTrue();
  }
}
