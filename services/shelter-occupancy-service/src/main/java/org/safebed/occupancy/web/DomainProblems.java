package org.safebed.occupancy.web;

import org.safebed.occupancy.domain.IllegalTransitionException;
import org.safebed.occupancy.domain.InvalidValueException;
import org.safebed.platform.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Domain refusals as problem+json: a broken rule is the caller's 400, a command the state does not
 * allow a 409. Their messages name rules and states, never submitted values.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblems {

  @ExceptionHandler(InvalidValueException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
    return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler(IllegalTransitionException.class)
  ResponseEntity<ProblemDetail> conflict(IllegalTransitionException e) {
    return Problems.response(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }
}
