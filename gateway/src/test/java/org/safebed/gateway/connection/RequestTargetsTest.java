package org.safebed.gateway.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/api/shelters", "/api/shelters?region=north&status=OPEN",
      "/api/placements/5f0c-4e2a/events", "/api/shelters?q=%C3%A9t%C3%A9", "/api/x?a=b+c&d=%2B",
      "/login/oauth2/code/safebed?code=abc-_.~&state=x%3D"})
  void readsWhatClientsSend(String target) {
    assertThat(RequestTargets.isReadable(target)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/shelters?region=%C0%AE", "/api/shelters?x=%ff", "/api/shelters?x=%",
      "/api/shelters?x=%zz", "/api/shelters?x=%0", "/api/shelters/%ff", "/api/shelters?x=%00",
      "/api/shelters?x=%0A", "/api/shelters/a\\b", "/api/shelters?status[$ne]=x", "/api/x|y",
      "/api/x{y}", "/api/x y", "/api/x\u00e9", "/api/x#frag", "/api/%ED%A0%80"})
  void refusesWhatCannotBeRead(String target) {
    assertThat(RequestTargets.isReadable(target)).isFalse();
  }
}
