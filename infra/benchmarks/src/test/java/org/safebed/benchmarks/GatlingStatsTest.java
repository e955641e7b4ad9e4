package org.safebed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Gatling run in this JVM against a stub server, read back as the benchmark reads its runs. */
class GatlingStatsTest {

  @Test
  void readsGatlingsOwnFiguresPerRequestAndGroup(@TempDir Path results) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ok", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/teapot", exchange -> {
      exchange.sendResponseHeaders(418, -1);
      exchange.close();
    });
    server.start();
    GatlingStats stats;
    try {
      stats = GatlingRun.run(ProbeSimulation.class, results, "probe",
          Map.of("probe.url", "http://127.0.0.1:" + server.getAddress().getPort()));
    } finally {
      server.stop(0);
    }

    assertThat(stats.exitCode()).isZero();
    assertThat(stats.report().resolve("index.html")).exists();
    assertThat(stats.all().count()).isEqualTo(40);
    assertThat(stats.of("get ok").ok()).isEqualTo(20);
    assertThat(stats.of("get ok").ko()).isZero();
    assertThat(stats.of("get teapot").ok()).isZero();
    assertThat(stats.of("get teapot").ko()).isEqualTo(20);
    assertThat(stats.of("group:a group").count()).isEqualTo(20);
    GatlingStats.Figures ok = stats.of("get ok");
    assertThat(ok.p50()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(ok.p99());
    assertThat(ok.p99()).isLessThanOrEqualTo(ok.max());
    assertThat(stats.of("never sent")).isEqualTo(GatlingStats.Figures.NONE);
    assertThat(stats.errors()).singleElement().asString().contains("418").endsWith("(20)");
    // The settings given to the simulation were for the run only.
    assertThat(System.getProperty("probe.url")).isNull();
  }
}
