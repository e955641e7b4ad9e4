package org.safebed.localstack.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApps;
import org.safebed.localstack.infrastructure.DebianTools;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus (Debian's package) scrapes the running local stack as the on-call one does,
 * with a coordinator's token, while police ask for a bed; then every metric the dashboard and
 * the alerts read is asked of Prometheus itself and must be there with a plausible value. Skipped
 * where Prometheus is not installed, except in CI ({@code CI=true}), which installs it.
 */
class PrometheusScrapeIT {

  private static final Duration EVENTUAL = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** One breaker of each service and of the console, named as in their code. */
  private static final List<String> OUTBOUND_BREAKERS =
      List.of("routing", "travel-estimates", "occupancy-safety-constraints", "map-tiles");

  private static GatewayClient gateway;
  private static Process prometheus;
  private static String prometheusUrl;

  @BeforeAll
  static void scrapeTheStack(@TempDir Path dir) throws Exception {
    String binary = DebianTools.required("prometheus", "prometheus");
    LocalStack stack = RunningStack.get();
    gateway = RunningStack.client();
    Path token = Files.writeString(dir.resolve("token"), gateway.token("demo-coordinator"));
    List<String> targets = new ArrayList<>();
    targets.add(hostPort(stack.gatewayUrl()));
    for (var app : List.of(StackApps.SHELTER_OCCUPANCY, StackApps.TRANSPORT, StackApps.RENTAL_REFERRAL,
        StackApps.WEB_CONSOLE)) {
      targets.add(hostPort(stack.serviceUrl(app)));
    }
    Path config = Files.writeString(dir.resolve("prometheus.yml"), """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: safebed
            metrics_path: /actuator/prometheus
            authorization:
              type: Bearer
              credentials_file: %s
            static_configs:
              - targets: [%s]
        """.formatted(token, String.join(", ", targets.stream().map(t -> "\"" + t + "\"").toList())));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    prometheusUrl = "http://127.0.0.1:" + port;
    prometheus = new ProcessBuilder(binary, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    // Until Prometheus listens, asking it is refused: that is waited out too.
    await().atMost(EVENTUAL).ignoreExceptions().untilAsserted(() ->
        assertThat(query("count(up == 1)")).as("all five applications scraped; targets: %s", targets())
            .containsExactly(5.0));
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      prometheus.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyMetricTheOnCallReadIsScrapedWithAPlausibleValue() throws Exception {
    // A scripted moment of the night: a bed asked for and held (a driver is offered the job), and
    // an officer who tries the coordinators' inbox and is refused.
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    GatewayClient.Reply placed = gateway.post("demo-police", "/api/placements", FirstJourneyIT.REQUEST
        .replace("PJ-2026-0042", "PJ-METRICS-" + UUID.randomUUID().toString().substring(0, 6)), key);
    assertThat(placed.status()).as(placed.body()).isIn(201, 202);
    assertThat(gateway.get("demo-police", "/api/escalations").status()).isEqualTo(403);

    await().atMost(EVENTUAL).untilAsserted(() -> {
      assertThat(query("sum(safebed_placement_time_to_bed_seconds_count{stage=\"held\"})")).singleElement()
          .satisfies(held -> assertThat(held).isPositive());
      assertThat(query("sum(safebed_placement_time_to_bed_seconds_count{stage=\"transport_assigned\"})"))
          .singleElement().satisfies(assigned -> assertThat(assigned).isPositive());
      assertThat(query("sum(safebed_access_denials_total)")).singleElement()
          .satisfies(denials -> assertThat(denials).isPositive());
      // Read again every 15 s by occupancy's schedule.
      assertThat(query("max(safebed_beds{state=\"in_service\"})")).singleElement()
          .satisfies(beds -> assertThat(beds).as("the demo regions' beds").isPositive());
    });
    assertThat(query("count(safebed_placement_time_to_bed_seconds_bucket{stage=\"checked_in\"})"))
        .singleElement().satisfies(buckets -> assertThat(buckets).isPositive());
    assertThat(query("safebed_waitlist_length")).singleElement().satisfies(waiting -> assertThat(waiting).isNotNegative());
    assertThat(query("safebed_waitlist_oldest_wait_seconds")).singleElement()
        .satisfies(oldest -> assertThat(oldest).isNotNegative());
    assertThat(query("safebed_outbox_oldest_pending_age_seconds")).as("each service's outbox").hasSize(3)
        .allSatisfy(age -> assertThat(age).isBetween(0.0, 60.0));
    assertThat(query("safebed_dead_letters")).hasSize(3).allSatisfy(letters -> assertThat(letters).isNotNegative());
    assertThat(query("safebed_audit_chain_intact")).hasSize(3).allSatisfy(intact -> assertThat(intact).isEqualTo(1.0));
    assertThat(query("sum(safebed_transport_offers_expired_total)")).singleElement()
        .satisfies(expired -> assertThat(expired).isNotNegative());
    assertThat(query("count(safebed_transport_failures_total)")).containsExactly(3.0);
    assertThat(query("count(safebed_disclosures_total)")).singleElement().satisfies(kinds -> assertThat(kinds).isPositive());
    assertThat(query("count(resilience4j_circuitbreaker_state)")).singleElement()
        .satisfies(states -> assertThat(states).isPositive());
    // The services' and the console's own breakers too, each in exactly one state, and each seen by
    // the "breaker open" alert's expression (0 or 1).
    for (String breaker : OUTBOUND_BREAKERS) {
      assertThat(query("sum(resilience4j_circuitbreaker_state{name=\"" + breaker + "\"})")).as(breaker)
          .containsExactly(1.0);
      assertThat(query("max by (name) (resilience4j_circuitbreaker_state{name=\"" + breaker
          + "\",state=~\"open|forced_open\"})")).as(breaker).singleElement()
          .satisfies(open -> assertThat(open).isIn(0.0, 1.0));
    }
    assertThat(query("count(safebed_gateway_rate_limited_total)")).singleElement()
        .satisfies(limits -> assertThat(limits).isPositive());
    // No label value names a placement, a shelter or a person.
    assertThat(labelValues()).noneMatch(value -> value.contains(placed.json().get("id").asString()))
        .noneMatch(value -> value.startsWith("demo-") || value.contains("@"));
    JourneySteps.cancelAndFreeItsDriver(gateway, "demo-police", placed.json().get("id").asString());
  }

  /** The values of an instant query's series. */
  private static List<Double> query(String promql) throws Exception {
    JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    List<Double> values = new ArrayList<>();
    for (JsonNode series : answer.path("data").path("result")) {
      values.add(Double.parseDouble(series.path("value").get(1).asString()));
    }
    return values;
  }

  /** Each target's health and last scrape error, for a failure's message. */
  private static String targets() {
    try {
      StringBuilder said = new StringBuilder();
      for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
        said.append(target.path("scrapeUrl").asString()).append(' ').append(target.path("health").asString())
            .append(' ').append(target.path("lastError").asString()).append("; ");
      }
      return said.toString();
    } catch (Exception | AssertionError unreachable) {
      return "Prometheus not answering: " + unreachable;
    }
  }

  /** Every label value of every SafeBed series Prometheus holds. */
  private static List<String> labelValues() throws Exception {
    JsonNode answer = get("/api/v1/series?match[]=" + URLEncoder.encode("{__name__=~\"safebed_.*\"}", StandardCharsets.UTF_8));
    List<String> values = new ArrayList<>();
    for (JsonNode series : answer.path("data")) {
      series.properties().forEach(label -> {
        if (!label.getKey().equals("instance")) {
          values.add(label.getValue().asString());
        }
      });
    }
    return values;
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return GatewayClient.JSON.readTree(response.body());
  }

  private static String hostPort(String url) {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }
}
