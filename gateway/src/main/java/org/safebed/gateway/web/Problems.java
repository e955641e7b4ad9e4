package org.safebed.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem bodies. Details are fixed texts chosen by the gateway: never an exception
 * message, an upstream body or anything taken from the token.
 */
public final class Problems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  /** Sets status and content type and writes the problem, unless the response is committed. */
  public static Mono<Void> write(ServerHttpResponse response, HttpStatusCode status, String detail) {
    if (response.isCommitted()) {
      return Mono.empty();
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = body(status, detail);
    response.getHeaders().setContentLength(body.length);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  /** The problem body alone, for handlers that build their own response. */
  public static byte[] body(HttpStatusCode status, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title(status));
    problem.put("status", status.value());
    problem.put("detail", detail);
    return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
  }

  private static String title(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known != null ? known.getReasonPhrase() : "Error";
  }
}
