package org.safebed.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux tells about a process and the machine: resident memory, CPU time, load average. The
 * machine may be shared with other builds, so every number is reported next to the load it was
 * measured under. Off Linux, the values are absent (-1) rather than guessed.
 */
final class ProcFs {

  /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every common Linux build. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcFs() {}

  /** The 1, 5 and 15 minute load averages. */
  record Load(double one, double five, double fifteen) {
    static final Load UNKNOWN = new Load(-1, -1, -1);

    @Override
    public String toString() {
      return one < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f %.2f %.2f", one, five, fifteen);
    }
  }

  static Load load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new Load(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    } catch (IOException | RuntimeException e) {
      return Load.UNKNOWN;
    }
  }

  /** {@code VmRSS} of the process in MiB, -1 when unknown. */
  static double residentMiB(long pid) {
    return statusKiB(pid, "VmRSS:") / 1024.0;
  }

  /** {@code VmHWM}, the highest resident memory the process ever had, in MiB. */
  static double peakResidentMiB(long pid) {
    return statusKiB(pid, "VmHWM:") / 1024.0;
  }

  private static double statusKiB(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1024;
  }

  /** User plus system CPU seconds the process has used so far, -1 when unknown. */
  static double cpuSeconds(long pid) {
    try {
      return cpuSecondsOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime of a {@code stat} line, in seconds. */
  static double cpuSecondsOf(String stat) {
    // The command name may contain spaces; the fields after it are fixed.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds of the process's live threads by kind: {@code jit} (compiler threads), {@code gc}
   * (GC and VM threads, where the serial collector runs) and {@code app} (everything else, which is
   * the process total minus the other two, so threads that have ended count as application).
   */
  static java.util.Map<String, Double> cpuSecondsByKind(long pid) {
    double jit = 0;
    double gc = 0;
    Path tasks = Path.of("/proc/" + pid + "/task");
    try (var threads = Files.list(tasks)) {
      for (Path task : (Iterable<Path>) threads::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          double seconds = cpuSecondsOf(Files.readString(task.resolve("stat")));
          if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            jit += seconds;
          } else if (name.startsWith("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")
              || name.startsWith("VM Periodic")) {
            gc += seconds;
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return java.util.Map.of();
    }
    double total = cpuSeconds(pid);
    return java.util.Map.of("jit", jit, "gc", gc, "app", Math.max(0, total - jit - gc));
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
