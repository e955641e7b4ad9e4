package org.safebed.occupancy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.safebed.occupancy.application.Refusal;
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
 * use cases' refusals are answered by the platform's handler once each is given its status and
 * type here, so they get its Retry-After headers and denial audit too.
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

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request) {
    return problems.answer(asProblem(refusal), request);
  }

  static ApiException asProblem(Refusal refusal) {
    String detail = refusal.getMessage();
    return switch (refusal) {
      case Refusal.NotFound n -> n.foreign() ? ApiException.foreign(n.what()) : ApiException.notFound(n.what());
      case Refusal.NotAllowed _ -> ApiException.forbidden(detail);
      case Refusal.Conflict _ -> ApiException.conflict(detail);
      case Refusal.InvalidCommand _ -> ApiException.badRequest(detail);
      case Refusal.TooManyHolds _ -> new ApiException(HttpStatus.CONFLICT, "too-many-holds", detail);
      case Refusal.KeyReused _ -> ApiException.unprocessable(detail);
      case Refusal.TooMuchChurn t -> ApiException.tooManyRequests(detail, t.retryAfter());
    };
  }
}
