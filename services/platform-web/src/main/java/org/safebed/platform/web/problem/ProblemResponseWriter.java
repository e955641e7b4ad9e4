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

  private ProblemResponseWriter() {}

  public static void write(HttpServletResponse response, HttpStatus status, String slug, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(Problems.PROBLEM_JSON.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String body =
        "{\"type\":\"https://safebed.example/problems/" + slug + "\",\"title\":\""
            + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\""
            + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    response.getWriter().write(body);
  }
}
