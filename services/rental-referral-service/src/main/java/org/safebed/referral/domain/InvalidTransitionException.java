package org.safebed.referral.domain;

/** The referral is not in a status that allows the requested step. */
public class InvalidTransitionException extends RuntimeException {
  public InvalidTransitionException(String detail) {
    super(detail, null, false, false);
  }
}
