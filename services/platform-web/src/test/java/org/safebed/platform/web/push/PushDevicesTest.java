package org.safebed.platform.web.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.problem.ApiException;
import org.springframework.http.HttpStatus;

/** With push off (no VAPID keys) there is no key to give and nothing to subscribe to: 404, nothing stored. */
class PushDevicesTest {

  // No store: with push off nothing may reach it (a call would fail the test with a NullPointerException).
  private final PushDevices off = new PushDevices(null,
      new PushEndpoints(new PushProperties(null, null, null, null, null, null)), PushDelivery.off(), 5, Clock.systemUTC());

  @Test
  void withPushOffTheKeyAndASubscriptionAreNotFound() {
    assertThatThrownBy(off::publicKey)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    URI endpoint = off.check("https://fcm.googleapis.com/fcm/send/abc");
    assertThatThrownBy(() -> off.subscribe("officer-1", endpoint))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void anEndpointOffTheAllowListIsABadRequestBeforeAnythingElse() {
    assertThatThrownBy(() -> off.check("https://169.254.169.254/latest"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
  }
}
