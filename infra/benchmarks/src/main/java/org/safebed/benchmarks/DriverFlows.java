package org.safebed.benchmarks;

final class DriverFlows {
  static final String PREFIX = "load-driver-";

  private DriverFlows() {}
}
