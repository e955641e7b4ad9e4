package org.safebed.transport.application;

import java.util.Objects;

/**
 * A shelter's address, held only for the duration of the request that shows it to the driver.
 * {@link #toString()} never prints it, so it cannot reach a log line by accident.
 */
public final class DestinationAddress implements DisclosedPickup {

  private final String text;

  public DestinationAddress(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  /** The address itself: only the response to the assigned driver may use this. */
  public String reveal() {
    return text;
  }

  @Override
  public String toString() {
    return "DestinationAddress[redacted]";
  }
}
