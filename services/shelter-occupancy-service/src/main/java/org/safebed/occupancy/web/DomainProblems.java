package org.safebed.occupancy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.safebed.occupancy.application.RequestRefused;
import org.safebed.occupancy.domain.IllegalTransitionException;
import org.safebed.occupancy.domain.InvalidValueException;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.safebed.platform.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Domain and use-case refusals as problem+json: a broken rule is the caller's 400, a command the
 * state does not allow a 409. Their messages name rules and states, never submitted values. The
 * platform's handler answers the use cases' common refusals; occupancy's own ({@link RequestRefused})
 * are answered by it too once each is given its status and type here, so they get its Retry-After
 * headers and denial audit.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblems {

  private final ProblemExceptionHandler problems;

  DomainProblems(ProblemExceptionHandler problems) {
    this.problems = problems;
  }

  @ExceptionHandler(InvalidValueException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidValueException e) {
    return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
  }

  @ExceptionHandler(IllegalTransitionException.class)
  ResponseEntity<ProblemDetail> conflict(IllegalTransitionException e) {
    return Problems.response(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(RequestRefused.class)
  ResponseEntity<ProblemDetail> refused(RequestRefused refusal, HttpServletRequest request) {
    return problems.answer(asProblem(refusal), request);
  }

  static ApiException asProblem(RequestRefused refusal) {
    String detail = refusal.getMessage();
    return switch (refusal) {
      case RequestRefused.TooManyHolds _ -> new ApiException(HttpStatus.CONFLICT, "too-many-holds", detail);
      case RequestRefused.KeyReused _ -> ApiException.unprocessable(detail);
      case RequestRefused.TooMuchChurn t -> ApiException.tooManyRequests(detail, t.retryAfter());
    };
  }
}
