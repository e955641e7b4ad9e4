package org.safebed.console.services;

/** A service did not answer, failed, or its breaker is open: the page says "try again shortly". */
public final class ServiceUnavailable extends RuntimeException {

  public ServiceUnavailable(String service) {
    super(service + " unavailable", null, false, false);
  }
}
