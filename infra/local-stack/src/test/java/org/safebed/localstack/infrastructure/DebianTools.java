package org.safebed.localstack.infrastructure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;

/**
 * A program from a Debian package that a test runs (promtool, prometheus). Where it is missing the
 * test is skipped, except in CI ({@code CI=true}), where .ci/run installs it and a missing one fails.
 */
public final class DebianTools {

  private DebianTools() {}

  /** The program's path; skips the test without it, fails it under CI. */
  public static String required(String program, String debianPackage) {
    String path = onPath(program);
    if (path == null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(program + " is missing under CI=true: install Debian's " + debianPackage + " package");
    }
    assumeTrue(path != null, program + " not installed (apt-get install " + debianPackage + ")");
    return path;
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, name);
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }
}
