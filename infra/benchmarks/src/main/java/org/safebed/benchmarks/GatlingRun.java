package org.safebed.benchmarks;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a Gatling simulation in this JVM, as Gatling's own launcher would, and reads its results:
 * the simulation gets its settings as system properties (set for the run only), Gatling writes its
 * HTML report into a folder of its own under {@code resultsRoot}, and the figures are read from
 * that report's {@code js/stats.json} ({@link GatlingStats}). Gatling's settings are in
 * {@code gatling.conf} on the class path (no analytics, no warm-up call to the internet).
 */
final class GatlingRun {

  private GatlingRun() {}

  static GatlingStats run(Class<? extends Simulation> simulation, Path resultsRoot, String description,
      Map<String, String> properties) throws IOException {
    Files.createDirectories(resultsRoot);
    Set<Path> earlier = runFolders(resultsRoot);
    properties.forEach(System::setProperty);
    int exitCode;
    try {
      exitCode = Gatling$.MODULE$.fromArgs(new String[] {
          "--simulation", simulation.getName(),
          "--results-folder", resultsRoot.toAbsolutePath().toString(),
          "--run-description", description});
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
    Set<Path> made = runFolders(resultsRoot);
    made.removeAll(earlier);
    if (made.size() != 1) {
      throw new IllegalStateException("Gatling (exit " + exitCode + ") left " + made.size()
          + " new result folders in " + resultsRoot + " instead of one");
    }
    return GatlingStats.read(made.iterator().next(), exitCode);
  }

  private static Set<Path> runFolders(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).collect(Collectors.toSet());
    }
  }
}
