package org.safebed.platform.web.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes a problem+json body from servlet filters and security handlers, which run before Spring
 * MVC's message converters. The texts are fixed strings chosen here, never request content.
 */
public final class ProblemResponseWriter {

  /** The content type of every problem written here. */
  public static final String CONTENT_TYPE = "application/problem+json";

  private ProblemResponseWriter() {}

  public static void write(HttpServletResponse response, HttpStatus status, String slug, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body(status.value(), slug, detail));
  }

  /** The problem body alone, for writers outside the servlet API (Tomcat's own error report). */
  public static String body(int status, String slug, String detail) {
    HttpStatus known = HttpStatus.resolve(status);
    return "{\"type\":\"https://safebed.example/problems/" + slug + "\",\"title\":\""
        + (known != null ? known.getReasonPhrase() : "Error") + "\",\"status\":" + status + ",\"detail\":\""
        + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }
}
