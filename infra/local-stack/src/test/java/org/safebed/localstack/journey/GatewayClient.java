package org.safebed.localstack.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to SafeBed as its users do: tokens from the identity provider with the client-credentials
 * grant, every call through the gateway. Keeps every response body per client so tests can check
 * afterwards what each role was ever shown.
 */
public final class GatewayClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String gatewayUrl;
  private final String tokenUrl;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, List<String>> bodiesSeenBy = new ConcurrentHashMap<>();

  public GatewayClient(String gatewayUrl, String tokenUrl) {
    this.gatewayUrl = gatewayUrl;
    this.tokenUrl = tokenUrl;
  }

  /** One HTTP exchange as the test sees it ({@code retryAfter}: that header, or null). */
  public record Reply(int status, String contentType, String body, String retryAfter) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  public String token(String clientId) {
    return tokens.computeIfAbsent(clientId, id -> {
      try {
        String basic = Base64.getEncoder().encodeToString((id + ":demo-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("token for " + id + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public Reply get(String clientId, String path) {
    return send(clientId, "GET", path, null, Map.of());
  }

  public Reply post(String clientId, String path, String body) {
    return send(clientId, "POST", path, body, Map.of());
  }

  public Reply post(String clientId, String path, String body, Map<String, String> headers) {
    return send(clientId, "POST", path, body, headers);
  }

  /** A call with no token at all, or with a raw Authorization value. */
  Reply anonymous(String method, String path, String authorization) {
    return exchange(null, method, path, null, authorization == null ? Map.of() : Map.of("Authorization", authorization));
  }

  List<String> bodiesSeenBy(String clientId) {
    return bodiesSeenBy.getOrDefault(clientId, List.of());
  }

  private Reply send(String clientId, String method, String path, String body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.put("Authorization", "Bearer " + token(clientId));
    return exchange(clientId, method, path, body, all);
  }

  private Reply exchange(String clientId, String method, String path, String body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
          .timeout(Duration.ofSeconds(20))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      headers.forEach(request::header);
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException closedUnderUs) {
        // The gateway closes a kept-alive connection idle for 10 s; a request sent on it just then
        // meets a closed socket. Sent again on a new one, as any client does, when that is safe.
        if (!method.equals("GET") && !headers.containsKey("Idempotency-Key")) {
          throw closedUnderUs;
        }
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      }
      if (clientId != null) {
        bodiesSeenBy.computeIfAbsent(clientId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
            .add(response.body());
      }
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
          response.body(), response.headers().firstValue("Retry-After").orElse(null));
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
