package org.safebed.gateway.connection;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a request target (the URL of the request line) is one SafeBed can read: printable ASCII,
 * valid URI syntax (no backslash, no lone {@code %}), and every percent-encoding in the path and
 * query decoding to well-formed UTF-8 without control characters. Anything else is a client
 * mistake: refused with 400 at the gateway instead of reaching a service that might fail on it.
 */
final class RequestTargets {

  private RequestTargets() {}

  static boolean isReadable(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
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
