package org.safebed.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safebed.localstack.apps.StackApp;
import org.safebed.localstack.apps.StackApps;

/**
 * The stack on its own embedded infrastructure (file-backed MongoDB, embedded broker), as
 * {@code spring-boot:run} starts it, but on free ports and a temporary data folder.
 */
class LocalStackIT {

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  @TempDir
  static Path dataDir;

  private static LocalStack stack;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    stack = LocalStack.start(LocalStack.Options.ephemeral().withDataDir(dataDir));
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyApplicationReportsHealthy() throws Exception {
    List<String> urls = List.of(stack.gatewayUrl(), stack.identityProviderUrl(),
        stack.serviceUrl(StackApps.SHELTER_OCCUPANCY), stack.serviceUrl(StackApps.TRANSPORT),
        stack.serviceUrl(StackApps.RENTAL_REFERRAL));

    for (String url : urls) {
      HttpResponse<String> health = get(url + "/actuator/health", null);
      assertThat(health.statusCode()).as(url).isEqualTo(200);
      assertThat(health.body()).as(url).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void routesADemoAccountsCallToItsServiceWithDemoData() throws Exception {
    String token = token("demo-shelter-manager");

    HttpResponse<String> shelters = get(stack.gatewayUrl() + "/api/shelters", token);

    assertThat(shelters.statusCode()).isEqualTo(200);
    assertThat(shelters.body()).contains("shelter-north-1", "shelter-south-2");
  }

  @Test
  void neverRoutesInternalPathsThroughTheGateway() throws Exception {
    HttpResponse<String> internal =
        get(stack.gatewayUrl() + "/internal/shelters/shelter-north-1/address", token("transport-service"));

    assertThat(internal.statusCode()).isEqualTo(404);
  }

  @Test
  void operatorEndpointsAnswerCoordinatorsOnly() throws Exception {
    String coordinator = token("demo-coordinator");
    String police = token("demo-police");
    Map<StackApp, List<String>> endpoints = Map.of(
        StackApps.SHELTER_OCCUPANCY, List.of("outbox", "deadletters", "metrics", "sealing", "audit"),
        StackApps.RENTAL_REFERRAL, List.of("outbox", "deadletters", "metrics", "sealing", "audit"),
        // Transport never stores an address, so it has no sealed field and no key to rotate.
        StackApps.TRANSPORT, List.of("outbox", "deadletters", "metrics", "audit"));
    for (var service : endpoints.entrySet()) {
      for (String endpoint : service.getValue()) {
        String url = stack.serviceUrl(service.getKey()) + "/actuator/" + endpoint;
        String what = service.getKey().name() + " /actuator/" + endpoint;
        assertThat(get(url, coordinator).statusCode()).as(what).isEqualTo(200);
        assertThat(get(url, police).statusCode()).as(what).isEqualTo(403);
        assertThat(get(url, null).statusCode()).as(what).isEqualTo(401);
      }
    }
  }

  @Test
  void keepsDataAndTheSealingKeyInTheDataFolder() throws Exception {
    Path key = dataDir.resolve("sealing.key");

    assertThat(dataDir.resolve("mongo.mv")).exists();
    assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    assertThat(stack.mongoUri()).startsWith("mongodb://127.0.0.1:");
    assertThat(stack.brokerUri()).startsWith("amqp://guest:guest@127.0.0.1:");
  }

  @Test
  void restartsOneServiceOnItsPortWhileTheOthersKeepRunning() throws Exception {
    String transport = stack.serviceUrl(StackApps.TRANSPORT);

    stack.stop(StackApps.TRANSPORT);
    assertThat(stack.isRunning(StackApps.TRANSPORT)).isFalse();
    assertThat(stack.context(StackApps.TRANSPORT)).isEmpty();
    assertThat(get(stack.serviceUrl(StackApps.SHELTER_OCCUPANCY) + "/actuator/health", null).statusCode())
        .isEqualTo(200);
    assertThat(get(stack.gatewayUrl() + "/actuator/health", null).statusCode())
        .as("the gateway's Netty outlives a stopped service").isEqualTo(200);
    stack.start(StackApps.TRANSPORT);

    assertThat(stack.isRunning(StackApps.TRANSPORT)).isTrue();
    assertThat(stack.serviceUrl(StackApps.TRANSPORT)).isEqualTo(transport);
    assertThat(get(transport + "/actuator/health", null).statusCode()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> stack.start(StackApps.TRANSPORT));
  }

  @Test
  void releasesEveryPortWhenClosed() throws Exception {
    LocalStack second = LocalStack.start(LocalStack.Options.ephemeral().withDemoData(false));
    List<Integer> ports = List.of(URI.create(second.gatewayUrl()).getPort(),
        URI.create(second.identityProviderUrl()).getPort(),
        URI.create(second.serviceUrl(StackApps.TRANSPORT)).getPort(),
        URI.create(second.mongoUri()).getPort(),
        URI.create(second.brokerUri()).getPort());
    assertThat(get(second.gatewayUrl() + "/actuator/health", null).statusCode()).isEqualTo(200);

    second.close();
    second.close();

    for (int port : ports) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  private String token(String clientId) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.tokenUrl()))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":demo-secret").getBytes()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher matcher = ACCESS_TOKEN.matcher(response.body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
