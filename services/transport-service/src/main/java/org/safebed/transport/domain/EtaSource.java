package org.safebed.transport.domain;

/** Where a travel time came from: the routing provider, or the straight-line fallback. */
public enum EtaSource {
  ROUTING,
  STRAIGHT_LINE
}
