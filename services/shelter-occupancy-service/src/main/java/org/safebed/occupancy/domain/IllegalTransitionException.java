package org.safebed.occupancy.domain;

/** A command that the aggregate's current state does not allow (e.g. check-in of a cancelled placement). */
public class IllegalTransitionException extends RuntimeException {
  public IllegalTransitionException(String reason) {
    super(reason, null, false, false);
  }
}
