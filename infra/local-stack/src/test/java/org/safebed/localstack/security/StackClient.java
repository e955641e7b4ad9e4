package org.safebed.localstack.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApps;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls SafeBed through the gateway as its users do, with demo tokens from the identity provider
 * (client credentials), and keeps every answer so tests can later check what each account was shown.
 * Answers 429 by waiting as {@code Retry-After} says; reads a server-sent event stream only up to
 * its first event.
 */
final class StackClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The demo realm has a single police account, but ownership between police accounts must be
   * tested. This second one is minted with the identity provider's own signing key and the claims
   * the provider gives {@code demo-police}, for another account and force.
   */
  static final String SECOND_POLICE = "demo-police-2";

  private final LocalStack stack;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  StackClient(LocalStack stack) {
    this.stack = stack;
  }

  /** One answer as a caller received it. */
  record Answer(int status, String contentType, String body, HttpHeaders headers) {

    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  /** What one account (or nobody, {@code client == null}) sent and got back. */
  record Exchange(String client, String method, String path, Answer answer) {}

  List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  String token(String client) {
    return tokens.computeIfAbsent(client, id -> SECOND_POLICE.equals(id) ? mintSecondPolice() : clientCredentials(id));
  }

  Answer get(String client, String path) {
    return send(client, "GET", path, null, Map.of());
  }

  Answer post(String client, String path, String body) {
    return send(client, "POST", path, body, Map.of());
  }

  Answer put(String client, String path, String body) {
    return send(client, "PUT", path, body, Map.of());
  }

  /**
   * @param client a demo client id, or {@code null} for a call without a token
   * @param body sent as is (it may be malformed on purpose); {@code null} for none
   * @param headers extra headers; a {@code Content-Type} here replaces {@code application/json}
   */
  Answer send(String client, String method, String path, String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    if (body != null) {
      all.put("Content-Type", "application/json");
    }
    all.putAll(headers);
    if (client != null) {
      all.put("Authorization", "Bearer " + token(client));
    }
    Answer answer = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      answer = exchange(method, path, body, all);
      if (answer.status() != 429) {
        break;
      }
      long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
      sleep(Duration.ofSeconds(Math.min(Math.max(seconds, 1), 5)));
    }
    exchanges.add(new Exchange(client, method, path, answer));
    return answer;
  }

  private Answer exchange(String method, String path, String body, Map<String, String> headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
          .timeout(Duration.ofSeconds(30))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String contentType = response.headers().firstValue("Content-Type").orElse(null);
      String text;
      try (InputStream in = response.body()) {
        text = contentType != null && contentType.startsWith("text/event-stream")
            ? firstEvent(in)
            : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Answer(response.statusCode(), contentType, text, response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A live stream never ends: keep what arrives in the first moments (the current state), then hang up. */
  private static String firstEvent(InputStream in) throws InterruptedException {
    StringBuilder seen = new StringBuilder();
    Thread reader = Thread.ofVirtual().start(() -> {
      byte[] buffer = new byte[4096];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          synchronized (seen) {
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (seen.indexOf("\n\n") >= 0 || seen.length() > 65_536) {
              return;
            }
          }
        }
      } catch (IOException closed) {
        // hung up below
      }
    });
    reader.join(Duration.ofSeconds(3));
    synchronized (seen) {
      return seen.toString();
    }
  }

  private String clientCredentials(String clientId) {
    try {
      String basic = Base64.getEncoder().encodeToString((clientId + ":demo-secret").getBytes(StandardCharsets.UTF_8));
      HttpRequest request = HttpRequest.newBuilder(URI.create(stack.tokenUrl()))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
          .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("token for " + clientId + ": HTTP " + response.statusCode());
      }
      return JSON.readTree(response.body()).get("access_token").asString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private String mintSecondPolice() {
    JsonNode template = JSON.readTree(Base64.getUrlDecoder().decode(token("demo-police").split("\\.")[1]));
    JWKSource<SecurityContext> keys = stack.context(StackApps.IDENTITY_PROVIDER).orElseThrow()
        .getBean(JWKSource.class);
    Instant now = Instant.now();
    List<String> audiences = new ArrayList<>();
    JsonNode aud = template.get("aud");
    if (aud.isArray()) {
      aud.forEach(one -> audiences.add(one.asString()));
    } else {
      audiences.add(aud.asString());
    }
    JwtClaimsSet claims = JwtClaimsSet.builder()
        .issuer(template.get("iss").asString())
        .subject(SECOND_POLICE)
        .audience(audiences)
        .issuedAt(now)
        .notBefore(now)
        .expiresAt(now.plus(Duration.ofMinutes(15)))
        .id(UUID.randomUUID().toString())
        .claim("roles", List.of("POLICE"))
        .claim("agency_id", "police-demo-2")
        .build();
    return new NimbusJwtEncoder(keys)
        .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
        .getTokenValue();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
