package org.safebed.platform.web.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code Authorization: vapid t=..., k=...} header of RFC 8292: an ES256 JWT for the push
 * service's origin, signed with the application server's key, and that key.
 */
final class VapidToken {

  /** RFC 8292 allows 24 h; half of it leaves room for clock skew at the push service. */
  static final Duration LIFETIME = Duration.ofHours(12);

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String HEADER = encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");

  private final VapidKeys keys;
  private final String subject;

  VapidToken(VapidKeys keys, String subject) {
    this.keys = keys;
    this.subject = subject;
  }

  String authorization(URI endpoint, Instant now) {
    ObjectNode claims = JSON.createObjectNode()
        .put("aud", PushEndpoints.origin(endpoint))
        .put("exp", now.plus(LIFETIME).getEpochSecond())
        .put("sub", subject);
    String signingInput = HEADER + "." + encode(JSON.writeValueAsString(claims));
    String signature = BASE64URL.encodeToString(keys.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    return "vapid t=" + signingInput + "." + signature + ", k=" + keys.publicKeyBase64url();
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
