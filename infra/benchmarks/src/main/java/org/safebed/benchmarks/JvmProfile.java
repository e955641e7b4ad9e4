package org.safebed.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options the stack's JVM runs with in one pass of the benchmark. Every figure is measured
 * twice: with the service image's production options, on which the targets are judged (full JIT,
 * G1, a heap as the containers get), and with the local stack's start-up-tuned options (small
 * serial heap, small code cache) that one laptop runs everything with.
 *
 * @param name {@code production} or {@code local}
 * @param prefix put before every measurement's name: none for production (the keys the targets
 *     are read from), {@code local-jvm.} for the local stack's options
 * @param arguments the JVM options
 */
record JvmProfile(String name, String prefix, List<String> arguments) {

  static final String PRODUCTION = "production";
  static final String LOCAL = "local";

  /**
   * infra/docker/service.Dockerfile's options, with the heap its -XX:MaxRAMPercentage=75 gives the
   * five applications' containers together (infra/k8s) instead of a share of this machine.
   */
  static final String DEFAULT_PRODUCTION_ARGUMENTS = "-XX:+UseG1GC -Xms512m -Xmx2g -XX:+ExitOnOutOfMemoryError";

  /** The profiles named in {@code benchmark.jvm-profiles} (default both, production first). */
  static List<JvmProfile> from(Map<String, String> properties, List<String> localArguments) {
    List<String> production = BenchmarkSettings.arguments(
        properties.getOrDefault("benchmark.production-jvm-args", DEFAULT_PRODUCTION_ARGUMENTS));
    List<JvmProfile> profiles = new ArrayList<>();
    for (String name : properties.getOrDefault("benchmark.jvm-profiles", PRODUCTION + "," + LOCAL).split(",")) {
      switch (name.trim()) {
        case PRODUCTION -> profiles.add(new JvmProfile(PRODUCTION, "", production));
        case LOCAL -> profiles.add(new JvmProfile(LOCAL, "local-jvm.", localArguments));
        case "" -> { }
        default -> throw new IllegalArgumentException(
            "benchmark.jvm-profiles: unknown profile '" + name.trim() + "' (production, local)");
      }
    }
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("benchmark.jvm-profiles names no profile (production, local)");
    }
    return List.copyOf(profiles);
  }
}
