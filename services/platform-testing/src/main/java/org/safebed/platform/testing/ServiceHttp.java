package org.safebed.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the service under test over real HTTP/1.1, as the gateway and the other services do: real
 * tokens, the body sent as given (a string as it is, so a test can send malformed JSON; anything
 * else as JSON), and every answer handed back, 4xx and 5xx included.
 */
public final class ServiceHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final String base;

  public ServiceHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** An answer: status, headers and body, the body read as JSON on demand. */
  public record Response(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** One field of the JSON body, as text. */
    public String text(String field) {
      return json().path(field).asString();
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    /** The header's first value, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /**
   * @param token a bearer token, or null to call anonymously
   * @param headers further headers, as name, value, name, value...
   */
  public Response get(String path, String token, String... headers) {
    return send(request(path, token, headers).GET());
  }

  /** A POST without a body (and so without a content type): a command the path says it all. */
  public Response post(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** @param body a string sent as it is, anything else as JSON; null for an empty JSON request */
  public Response post(String path, String token, Object body, String... headers) {
    return send(withJson(request(path, token, headers)).POST(publisher(body)));
  }

  public Response put(String path, String token, Object body, String... headers) {
    return send(withJson(request(path, token, headers)).PUT(publisher(body)));
  }

  public Response delete(String path, String token, Object body, String... headers) {
    return send(withJson(request(path, token, headers)).method("DELETE", publisher(body)));
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  private HttpRequest.Builder request(String path, String token, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private static HttpRequest.Builder withJson(HttpRequest.Builder request) {
    return request.header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher publisher(Object body) {
    return switch (body) {
      case null -> HttpRequest.BodyPublishers.noBody();
      case String text -> HttpRequest.BodyPublishers.ofString(text);
      default -> HttpRequest.BodyPublishers.ofString(json(body));
    };
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
