package org.safebed.referral.web;

import org.safebed.platform.web.problem.Problems;
import org.safebed.referral.domain.ActiveReferralExistsException;
import org.safebed.referral.domain.InvalidTransitionException;
import org.safebed.referral.domain.RuleViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's refusals as problem+json. Ordered before the platform's handler, whose catch-all
 * would otherwise answer them with a 500. Their messages are fixed texts of the domain, never input.
 * The use cases' refusals are the platform's common kinds, answered by the platform's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainRefusals {

  @ExceptionHandler(InvalidTransitionException.class)
  ResponseEntity<ProblemDetail> invalidTransition(InvalidTransitionException e) {
    return Problems.response(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(ActiveReferralExistsException.class)
  ResponseEntity<ProblemDetail> activeReferral(ActiveReferralExistsException e) {
    return Problems.response(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e) {
    return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", e.getMessage());
  }
}
