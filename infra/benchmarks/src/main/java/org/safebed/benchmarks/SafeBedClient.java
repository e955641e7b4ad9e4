package org.safebed.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls SafeBed as its users do: tokens from the identity provider (client credentials of the demo
 * accounts), a bearer token on every call. The base URL is per call, so one client can go through
 * the gateway or straight to a service.
 */
final class SafeBedClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DEMO_SECRET = "demo-secret";
  /** A token is fetched again this long before it expires, so none expires during a run. */
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(3);
  private static final int TOKEN_FETCHES_AT_ONCE = 4;

  private final HttpClient http;
  private final String tokenUrl;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  SafeBedClient(String tokenUrl) {
    this.tokenUrl = tokenUrl;
    // HTTP/1.1 as browsers and services speak to the gateway; the default would try an h2c upgrade.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** One exchange: status, body, and how long it took from sending to having the whole body. */
  record Reply(int status, String body, long nanos) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    double millis() {
      return nanos / 1e6;
    }
  }

  private record Token(String value, long renewAtNanos) {}

  Reply get(String baseUrl, String clientId, String path) {
    return send(baseUrl, clientId, "GET", path, null, Map.of());
  }

  Reply post(String baseUrl, String clientId, String path, String body) {
    return send(baseUrl, clientId, "POST", path, body, Map.of());
  }

  Reply post(String baseUrl, String clientId, String path, String body, Map<String, String> headers) {
    return send(baseUrl, clientId, "POST", path, body, headers);
  }

  /** Fetches the token now, so that the first timed call does not include it. */
  void authenticate(String clientId) {
    token(clientId);
  }

  /**
   * Fetches the tokens of many accounts now, a few at a time (the identity provider is part of
   * the stack under test: this is done before a run, never during one).
   */
  void authenticateAll(java.util.Collection<String> clientIds) throws InterruptedException {
    try (var calls = java.util.concurrent.Executors.newFixedThreadPool(TOKEN_FETCHES_AT_ONCE)) {
      List<java.util.concurrent.Future<String>> pending = new java.util.ArrayList<>();
      for (String clientId : clientIds) {
        pending.add(calls.submit(() -> token(clientId)));
      }
      for (var fetch : pending) {
        try {
          fetch.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("fetching tokens: " + e.getCause().getMessage(), e.getCause());
        }
      }
    }
  }

  /** The account's access token (fetched now if it has none that is fresh enough). */
  String bearer(String clientId) {
    return token(clientId);
  }

  private Reply send(String baseUrl, String clientId, String method, String path, String body,
      Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token(clientId))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), System.nanoTime() - started);
    } catch (IOException e) {
      // Counted as a failed call (status 0), not fatal: under load a refused connection is a result.
      return new Reply(0, e.getClass().getSimpleName(), System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, "interrupted", System.nanoTime() - started);
    }
  }

  private String token(String clientId) {
    Token token = tokens.get(clientId);
    if (token == null || System.nanoTime() > token.renewAtNanos()) {
      token = fetchToken(clientId);
      tokens.put(clientId, token);
    }
    return token.value();
  }

  private Token fetchToken(String clientId) {
    String basic = Base64.getEncoder()
        .encodeToString((clientId + ":" + DEMO_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("no token for " + clientId + ": HTTP " + response.statusCode());
      }
      JsonNode json = JSON.readTree(response.body());
      long lifetimeNanos = Duration.ofSeconds(json.path("expires_in").asLong(300)).toNanos();
      long renewAt = System.nanoTime() + Math.max(lifetimeNanos - RENEW_BEFORE_EXPIRY.toNanos(), lifetimeNanos / 2);
      return new Token(json.get("access_token").asString(), renewAt);
    } catch (IOException e) {
      throw new IllegalStateException("no token for " + clientId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching a token", e);
    }
  }
}
