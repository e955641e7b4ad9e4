package org.safebed.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket (the gateway's copy of platform-testing's, which it does not depend on), for requests that {@code java.net.http} and other clients refuse
 * to send (malformed percent-encodings, a backslash or a NUL, half a request) and for watching
 * when the server closes a connection.
 */
final class RawHttp {

  private static final int READ_LIMIT_MILLIS = 15_000;

  private RawHttp() {}

  /** One answer as it came over the wire; header names in lower case. */
  record Answer(int status, Map<String, String> headers, String body) {

    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }
  }

  /**
   * Sends {@code method target} with the given extra header lines (each {@code Name: value},
   * sent byte for byte as ISO-8859-1) and {@code Connection: close}, and reads the whole answer.
   */
  static Answer exchange(int port, String method, String target, String... headerLines)
      throws IOException {
    StringBuilder head = new StringBuilder()
        .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
        .append("Host: localhost:").append(port).append("\r\n");
    for (String line : headerLines) {
      head.append(line).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(READ_LIMIT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return parse(readAll(socket.getInputStream()));
    }
  }

  /**
   * Sends {@code bytes} (half a request, or nothing) and waits until the server closes the
   * connection.
   *
   * @return how long the server kept the connection open, or {@code patience} if it still had not
   *     closed it by then
   */
  static Duration heldOpenAfter(int port, String bytes, Duration patience) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      long started = System.nanoTime();
      socket.setSoTimeout(Math.toIntExact(patience.toMillis()));
      socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      try {
        // An answer (a 408, say) may come before the close: read on until the end.
        while (in.read() >= 0) {
          if (Duration.ofNanos(System.nanoTime() - started).compareTo(patience) >= 0) {
            return patience;
          }
        }
      } catch (SocketTimeoutException stillOpen) {
        return patience;
      } catch (SocketException reset) {
        // Closed with a reset: closed all the same.
      }
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int read; (read = in.read(chunk)) >= 0; ) {
        all.write(chunk, 0, read);
      }
    } catch (SocketException reset) {
      // A server that answers and closes at once may reset; what arrived is the answer.
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new IllegalStateException("No complete HTTP answer, " + raw.length + " bytes");
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String text = new String(chunked, StandardCharsets.ISO_8859_1);
    int at = 0;
    while (at < text.length()) {
      int lineEnd = text.indexOf("\r\n", at);
      int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
    return body.toByteArray();
  }
}
