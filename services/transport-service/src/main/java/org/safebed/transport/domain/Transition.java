package org.safebed.transport.domain;

import java.util.List;

/**
 * The result of asking a job to change: whether it changed (a repeated command changes nothing)
 * and the events the change causes, to be stored in the same write as the new state.
 */
public record Transition(boolean changed, List<TransportEvent> events) {

  public Transition {
    events = List.copyOf(events);
  }

  static Transition none() {
    return new Transition(false, List.of());
  }

  static Transition silent() {
    return new Transition(true, List.of());
  }

  static Transition of(TransportEvent event) {
    return new Transition(true, List.of(event));
  }
}
