package org.safebed.occupancy.domain;

/** A value that breaks a domain rule; the message names the rule, never the value. */
public class InvalidValueException extends RuntimeException {
  public InvalidValueException(String rule) {
    super(rule, null, false, false);
  }
}
