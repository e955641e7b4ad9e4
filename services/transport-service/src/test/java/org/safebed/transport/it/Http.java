package org.safebed.transport.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service under test over real HTTP, the way the gateway and clients do. */
public final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  public Http(int port) {
    this.base = "http://localhost:" + port;
  }

  public Response get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Response post(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Response post(String path, String token, String json) {
    return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response put(String path, String token, String json) {
    return send(request(path, token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path, String token, String json) {
    return send(request(path, token).header("Content-Type", "application/json")
        .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body read as JSON when there is one. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String contentType() {
      return raw.headers().firstValue("Content-Type").orElse("");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String text() {
      return raw.body();
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public boolean isProblem() {
      return contentType().startsWith("application/problem+json");
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
