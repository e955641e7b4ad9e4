package org.safebed.referral.domain;

/** The request is well-formed but breaks a rule (unit unsuitable or unsafe, date out of range). */
public class RuleViolationException extends RuntimeException {
  public RuleViolationException(String detail) {
    super(detail, null, false, false);
  }
}
