package org.safebed.referral.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the service under test: real requests, real tokens, raw responses. */
public final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: status, content type, raw body, and the body as JSON when it is JSON. */
  public record Response(int status, String contentType, String body, String cacheControl, String retryAfter) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String text(String field) {
      return json().path(field).asString();
    }

    public boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  public Response get(String path, String token) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, Map.of());
  }

  public Response get(String path, String token, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token, headers);
  }

  /** POSTs a body: a String is sent as is (to send malformed JSON), anything else as JSON. */
  public Response post(String path, String token, Object body) {
    String raw = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(raw)),
        token,
        Map.of());
  }

  /** PUTs a body as JSON. */
  public Response put(String path, String token, Object body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
        token,
        Map.of());
  }

  private Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          response.headers().firstValue("Cache-Control").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
