package org.safebed.benchmarks;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.Group;
import io.gatling.charts.stats.GroupStatsPath;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.RequestStatsPath;
import io.gatling.charts.stats.StatsPath;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Gatling run's figures as Gatling itself computes them for its report: read from the run's
 * {@code simulation.log} with Gatling's own reader ({@link LogFileReader}), so that counts,
 * percentiles and rates are exactly those of the HTML report, never worked out here.
 *
 * @param report the run's folder, with its {@code index.html}
 * @param exitCode what Gatling returned (0: ran to its end)
 * @param all every request of the run
 * @param byName each request by name, and each group as {@code group:<name>} (its requests'
 *     cumulated response time, as the report shows groups)
 * @param errors the most frequent errors as Gatling words them, with their counts
 */
record GatlingStats(Path report, int exitCode, Figures all, Map<String, Figures> byName, List<String> errors) {

  /**
   * One request (or group, or all requests): answers counted as OK and KO by the simulation's
   * checks, and response times in milliseconds over all of them, OK and KO alike (an error is a
   * wait too).
   */
  record Figures(long ok, long ko, double p50, double p95, double p99, double max, double mean,
      double requestsPerSecond) {

    static final Figures NONE = new Figures(0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

    long count() {
      return ok + ko;
    }
  }

  /** The request (or {@code group:<name>}) of that name, or {@link Figures#NONE} when it never ran. */
  Figures of(String name) {
    return byName.getOrDefault(name, Figures.NONE);
  }

  static GatlingStats read(Path runFolder, int exitCode) {
    LogFileData data = new LogFileReader(runFolder.resolve("simulation.log").toFile(), GatlingConfiguration.load()).read();
    Map<String, Figures> byName = new LinkedHashMap<>();
    for (StatsPath path : CollectionConverters.asJava(data.statsPaths())) {
      if (path instanceof RequestStatsPath request) {
        byName.put(request.request(), figures(
            status -> data.requestGeneralStats(Option.apply(request.request()), request.group(), status)));
      } else if (path instanceof GroupStatsPath group) {
        Group g = group.group();
        byName.put("group:" + g.name(), figures(status -> data.groupCumulatedResponseTimeGeneralStats(g, status)));
      }
    }
    Figures all = figures(status -> data.requestGeneralStats(Option.empty(), Option.empty(), status));
    List<String> errors = CollectionConverters.asJava(data.errors(Option.empty(), Option.empty())).stream()
        .limit(3).map(error -> error.message() + " (" + error.count() + ")").toList();
    return new GatlingStats(runFolder, exitCode, all, Map.copyOf(byName), errors);
  }

  private static Figures figures(java.util.function.Function<Option<Status>, Option<GeneralStats>> stats) {
    GeneralStats total = orNull(stats.apply(Option.empty()));
    if (total == null || total.count() == 0) {
      return Figures.NONE;
    }
    GeneralStats ok = orNull(stats.apply(Option.<Status>apply(OK$.MODULE$)));
    GeneralStats ko = orNull(stats.apply(Option.<Status>apply(KO$.MODULE$)));
    return new Figures(ok == null ? 0 : ok.count(), ko == null ? 0 : ko.count(),
        percentile(total, 50), percentile(total, 95), percentile(total, 99), total.max(), total.mean(),
        total.meanRequestsPerSec());
  }

  private static double percentile(GeneralStats stats, double rank) {
    return ((Number) stats.percentile().apply(rank)).doubleValue();
  }

  private static GeneralStats orNull(Option<GeneralStats> stats) {
    return stats.isDefined() ? stats.get() : null;
  }
}
