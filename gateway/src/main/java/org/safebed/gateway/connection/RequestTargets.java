package org.safebed.gateway.connection;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request target (the URL of the request line) is one SafeBed can read: only the
 * characters RFC 3986 allows unencoded in a path and query (no backslash, no {@code [ ] | { }}, no
 * space or control character, nothing beyond ASCII), valid URI syntax (no lone {@code %}), and
 * every percent-encoding decoding to well-formed UTF-8 without control characters. The services'
 * Tomcat refuses the same characters, so a URL is refused alike through the gateway or not. Anything else is a client
 * mistake: refused with 400 at the gateway instead of reaching a service that might fail on it.
 */
final class RequestTargets {

  /** RFC 3986 unreserved, sub-delims, ":", "@", "/", "?" and "%" of an encoding. */
  private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?%";

  private RequestTargets() {}

  static boolean isReadable(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && ALLOWED_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    try {
      URI uri = new URI(target);
      return decodesCleanly(uri.getRawPath()) && decodesCleanly(uri.getRawQuery());
    } catch (URISyntaxException unparsable) {
      return false;
    }
  }

  private static boolean decodesCleanly(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        // java.net.URI has checked that two hex digits follow.
        bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      String decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
      return decoded.chars().noneMatch(Character::isISOControl);
    } catch (CharacterCodingException malformed) {
      return false;
    }
  }
}
