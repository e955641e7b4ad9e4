package org.safebed.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Collects measurements and prints them as a table and as JSON. */
final class Report {

  private final List<Measurement> measurements = new ArrayList<>();
  private final Map<String, Object> context = new LinkedHashMap<>();
  private final Instant startedAt = Instant.now();

  void add(Measurement measurement) {
    measurements.add(measurement);
  }

  /**
   * Takes over another run's measurements, each name prefixed, and its facts under {@code
   * contextName}.
   */
  void include(Report run, String prefix, String contextName) {
    run.measurements.forEach(m -> measurements.add(
        new Measurement(prefix + m.name(), m.target(), m.value(), m.unit(), m.load(), m.note())));
    context.put(contextName, new LinkedHashMap<>(run.context));
  }

  /** Facts about the run (settings, machine, stack) written next to the numbers. */
  void context(String name, Object value) {
    context.put(name, value);
  }

  List<Measurement> measurements() {
    return List.copyOf(measurements);
  }

  long misses() {
    return measurements.stream().filter(m -> m.verdict() == Measurement.Verdict.MISS).count();
  }

  void printTable(PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"measurement", "target", "measured", "unit", "result", "load 1/5/15 m", "note"});
    for (Measurement m : measurements) {
      rows.add(new String[] {m.name(), m.target().toString(), Measurement.format(m.value()), m.unit(),
          m.verdict().name(), m.load().toString(), m.note()});
    }
    int[] widths = new int[rows.getFirst().length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    String rule = "-".repeat(java.util.Arrays.stream(widths).sum() + 2 * widths.length + 20);
    out.println();
    out.println("SafeBed benchmark  " + startedAt + "  (" + ProcFs.cores() + " cores)");
    out.println(rule);
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        boolean numeric = i == 2;
        String cell = row[i];
        if (i == row.length - 1) {
          line.append(cell);
        } else if (numeric) {
          line.append(" ".repeat(widths[i] - cell.length())).append(cell).append("  ");
        } else {
          line.append(cell).append(" ".repeat(widths[i] - cell.length())).append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        out.println(rule);
      }
    }
    out.println(rule);
    out.println(misses() == 0 ? "All targets met." : misses() + " target(s) missed (MISS).");
  }

  void writeJson(Path file) throws IOException {
    Function<Double, Object> number = value -> Double.isNaN(value) ? null : value;
    List<Map<String, Object>> results = new ArrayList<>();
    for (Measurement m : measurements) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("name", m.name());
      result.put("target", m.target().isSet()
          ? Map.of("comparison", m.target().comparison(), "limit", m.target().limit()) : null);
      result.put("measured", number.apply(m.value()));
      result.put("unit", m.unit());
      result.put("result", m.verdict().name());
      Map<String, Object> load = new LinkedHashMap<>();
      load.put("1m", m.load().one() < 0 ? null : m.load().one());
      load.put("5m", m.load().five() < 0 ? null : m.load().five());
      load.put("15m", m.load().fifteen() < 0 ? null : m.load().fifteen());
      result.put("loadAverage", load);
      result.put("note", m.note());
      results.add(result);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("startedAt", startedAt.toString());
    root.put("cores", ProcFs.cores());
    root.put("context", context);
    root.put("misses", misses());
    root.put("results", results);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, SafeBedClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }
}
