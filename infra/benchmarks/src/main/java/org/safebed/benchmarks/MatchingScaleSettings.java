package org.safebed.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The matching-at-scale run ({@link MatchingAtScale}): how many shelters and beds matching searches,
 * how much closed history lies beside them, how many placements are timed, and the heap of the stack
 * that holds it all (the embedded MongoDB keeps its data in the stack's own heap). Every setting is
 * a system property {@code benchmark.matching-<name>}.
 *
 * @param shelters shelters spread over France and Belgium; 0: no matching-at-scale run
 * @param bedsPerShelter beds each shelter is registered with
 * @param history closed placements stored before the second timing
 * @param placements sequential placements timed, before the history and again after it
 * @param warmUpPlacements untimed placements before each timing
 * @param heap the stack JVM's maximum heap for this run ({@code -Xmx}), replacing the profile's
 */
record MatchingScaleSettings(int shelters, int bedsPerShelter, long history, int placements, int warmUpPlacements,
    String heap) {

  /** Real placements made and closed through the API, whose stored documents the history copies. */
  static final int CLOSED_THROUGH_THE_API = 60;

  static MatchingScaleSettings from(Map<String, String> properties) {
    return new MatchingScaleSettings(
        Integer.parseInt(properties.getOrDefault("benchmark.matching-shelters", "10000").trim()),
        Integer.parseInt(properties.getOrDefault("benchmark.matching-beds-per-shelter", "10").trim()),
        Long.parseLong(properties.getOrDefault("benchmark.matching-history", "1000000").trim()),
        Integer.parseInt(properties.getOrDefault("benchmark.matching-placements", "300").trim()),
        Integer.parseInt(properties.getOrDefault("benchmark.matching-warmup-placements", "100").trim()),
        properties.getOrDefault("benchmark.matching-heap", "10g").trim());
  }

  boolean enabled() {
    return shelters > 0 && placements > 0;
  }

  /** The profile's JVM options with this run's heap instead of the profile's. */
  List<String> jvmArguments(List<String> profileArguments) {
    List<String> arguments = new ArrayList<>();
    for (String argument : profileArguments) {
      if (!argument.startsWith("-Xmx") && !argument.startsWith("-Xms")) {
        arguments.add(argument);
      }
    }
    arguments.add("-Xmx" + heap);
    return arguments;
  }

  /** Police accounts for every placement of the run at three each (the cap on open placements). */
  int policeAccounts() {
    return PoliceAccounts.needed(2L * (warmUpPlacements + placements) + CLOSED_THROUGH_THE_API) + 10;
  }
}
