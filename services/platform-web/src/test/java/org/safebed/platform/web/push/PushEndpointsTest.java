package org.safebed.platform.web.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safebed.platform.web.problem.ApiException;

/** The allow-list of push services: the only places a subscription can make this service call. */
class PushEndpointsTest {

  private final PushEndpoints endpoints =
      new PushEndpoints(new PushProperties(null, null, List.of("http://localhost:8089"), null, null, null));

  @ParameterizedTest
  @ValueSource(strings = {
      "https://fcm.googleapis.com/fcm/send/abc:def",
      "https://updates.push.services.mozilla.com/wpush/v2/gAAA",
      "https://autopush.prod.push.services.mozilla.com/wpush/v2/x",
      "https://db5p.notify.windows.com/w/?token=x",
      "https://web.push.apple.com/QGh",
      "https://FCM.googleapis.com:443/fcm/send/x",
      "http://localhost:8089/push/test"})
  void pushServicesAreAllowed(String endpoint) {
    assertThat(endpoints.check(endpoint)).hasToString(endpoint);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://fcm.googleapis.com/fcm/send/x", "https://fcm.googleapis.com:8443/x", "https://evil.com/x",
      "https://fcm.googleapis.com.evil.com/x", "https://push.services.mozilla.com/x", "https://notify.windows.com/x",
      "https://x@fcm.googleapis.com/x", "https://fcm.googleapis.com/x#frag", "https://169.254.169.254/latest",
      "http://localhost:8090/push", "https://localhost:8089/push", "file:///etc/passwd", "fcm.googleapis.com/x",
      "https://fcm.googleapis.com./x", "not a uri", "mailto:a@fcm.googleapis.com"})
  void anythingElseIsRefused(String endpoint) {
    assertThatThrownBy(() -> endpoints.check(endpoint))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).doesNotContain(endpoint));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://fcm.googleapis.com/x", "https://fcm.googleapis.com:9999/x"})
  void theOriginIsTheVapidAudience(String endpoint) {
    assertThat(PushEndpoints.origin(URI.create(endpoint))).isEqualTo(endpoint.substring(0, endpoint.lastIndexOf('/')));
  }
}
