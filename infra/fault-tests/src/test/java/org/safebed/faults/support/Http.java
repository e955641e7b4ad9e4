package org.safebed.faults.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls SafeBed as its users do: tokens from the identity provider (client credentials of the demo
 * accounts), API calls through the gateway; operator calls straight to a service's actuator, where
 * operators reach it.
 */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .executor(Executors.newFixedThreadPool(8, r -> Thread.ofPlatform().daemon().name("fault-http").unstarted(r)))
      .build();
  private final String gatewayUrl;
  private final String tokenUrl;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  Http(String gatewayUrl, String tokenUrl) {
    this.gatewayUrl = gatewayUrl;
    this.tokenUrl = tokenUrl;
  }

  /** One HTTP exchange. */
  public record Reply(int status, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public boolean isServerError() {
      return status >= 500;
    }
  }

  public String token(String clientId) {
    return tokens.computeIfAbsent(clientId, id -> {
      String basic = Base64.getEncoder().encodeToString((id + ":demo-secret").getBytes(StandardCharsets.UTF_8));
      Reply reply = exchange(HttpRequest.newBuilder(URI.create(tokenUrl))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
      if (reply.status() != 200) {
        throw new IllegalStateException("no token for " + id + ": HTTP " + reply.status());
      }
      return reply.json().get("access_token").asString();
    });
  }

  /** A call through the gateway as {@code clientId}. */
  public Reply api(String clientId, String method, String path, String body, Map<String, String> headers) {
    return call(gatewayUrl + path, clientId, method, body, headers);
  }

  public Reply api(String clientId, String method, String path, String body) {
    return api(clientId, method, path, body, Map.of());
  }

  /** A call straight to {@code url} (an actuator endpoint of one service) as {@code clientId}, or anonymously. */
  public Reply call(String url, String clientId, String method, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (clientId != null) {
      request.header("Authorization", "Bearer " + token(clientId));
    }
    headers.forEach(request::header);
    return exchange(request);
  }

  private Reply exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      // No answer at all counts as a failure the caller saw: report it as one.
      return new Reply(599, e.getClass().getSimpleName());
    }
  }
}
