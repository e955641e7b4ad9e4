package org.safebed.localstack.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scrape configuration and alert rules in {@code infra/prometheus}, and the queries of the
 * Grafana dashboard in {@code infra/grafana}, as Prometheus itself reads them ({@code promtool}, Debian's {@code prometheus} package). Skipped where promtool is missing,
 * except in CI ({@code CI=true}), where a missing promtool fails: CI installs it (.ci/run).
 */
class PrometheusRulesTest {

  private static final Path DIR = Path.of("..", "prometheus").toAbsolutePath().normalize();
  private static final Path GRAFANA = Path.of("..", "grafana").toAbsolutePath().normalize();
  /** The metric names the applications export (see the services' OperabilityIT). */
  private static final List<String> ALERTED_METRICS = List.of(
      "safebed_outbox_oldest_pending_age_seconds", "safebed_dead_letters",
      "safebed_waitlist_oldest_wait_seconds", "safebed_disclosures_total", "safebed_access_denials_total",
      "http_server_requests_seconds_count", "resilience4j_circuitbreaker_state",
      "safebed_transport_offers_expired_total", "safebed_transport_failures_total", "safebed_audit_chain_intact");

  private static String promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = DebianTools.required("promtool", "prometheus");
  }

  @Test
  void alertRulesAreValid() throws Exception {
    assertThat(run(promtool, "check", "rules", DIR.resolve("alerts.yml").toString())).isZero();
  }

  @Test
  void scrapeConfigurationIsValid() throws Exception {
    assertThat(run(promtool, "check", "config", DIR.resolve("prometheus.yml").toString())).isZero();
  }

  @Test
  void alertsUseTheMetricsTheApplicationsExport() throws IOException {
    String rules = Files.readString(DIR.resolve("alerts.yml"), StandardCharsets.UTF_8);
    assertThat(rules).contains(ALERTED_METRICS);
  }

  /**
   * Every query of the Grafana dashboard is PromQL Prometheus accepts (each is checked as a
   * recording rule by promtool) and reads from the provisioned data source.
   */
  @Test
  void theDashboardsQueriesAreValidAndReadTheProvisionedPrometheus(@TempDir Path scratch) throws Exception {
    JsonNode dashboard = JsonMapper.builder().build()
        .readTree(GRAFANA.resolve("dashboards/safebed-operations.json").toFile());
    String provisioned = Files.readString(GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    int queries = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      assertThat(provisioned).as(panel.path("title").asString())
          .contains("uid: " + panel.path("datasource").path("uid").asString());
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asString().replace("'", "''");
        rules.append("      - record: dashboard:query_").append(++queries).append("\n")
            .append("        expr: '").append(expr).append("'\n");
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(10);
    Path file = Files.writeString(scratch.resolve("dashboard-queries.yml"), rules.toString());
    assertThat(run(promtool, "check", "rules", file.toString())).isZero();
  }

  /**
   * The breaker-open alert, as promtool evaluates it, pages for a service's own breaker (whose
   * series carries Resilience4j's group label too) after two minutes open, and not for a closed one.
   */
  @Test
  void theBreakerOpenAlertPagesForAServicesBreakerOpenTwoMinutes(@TempDir Path scratch) throws Exception {
    String series = "resilience4j_circuitbreaker_state{app=\"%s\",group=\"none\",name=\"%s\",state=\"%s\"}";
    Path test = Files.writeString(scratch.resolve("breaker-open-test.yml"), """
        rule_files: ['%s']
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: '%s'
                values: '0 1x5'
              - series: '%s'
                values: '1 0x5'
              - series: '%s'
                values: '0x5'
            alert_rule_test:
              - eval_time: 1m
                alertname: CircuitBreakerOpen
                exp_alerts: []
              - eval_time: 4m
                alertname: CircuitBreakerOpen
                exp_alerts:
                  - exp_labels: {severity: page, app: shelter-occupancy, name: travel-estimates}
                    exp_annotations:
                      summary: Breaker travel-estimates at shelter-occupancy has been open for 2 minutes
                      runbook: infra/runbooks/broker-outage.md
        """.formatted(DIR.resolve("alerts.yml"),
        series.formatted("shelter-occupancy", "travel-estimates", "open"),
        series.formatted("shelter-occupancy", "travel-estimates", "closed"),
        series.formatted("transport", "routing", "open")));
    assertThat(run(promtool, "test", "rules", test.toString())).isZero();
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return process.exitValue();
  }

}
