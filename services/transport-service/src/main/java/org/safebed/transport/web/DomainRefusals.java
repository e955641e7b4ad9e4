package org.safebed.transport.web;

import jakarta.servlet.http.HttpServletRequest;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.safebed.transport.application.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The use cases' refusals as problem+json: each is given its status and problem type here, then
 * answered by the platform's handler, with its Retry-After headers and denial audit. Ordered before
 * that handler, whose catch-all would otherwise answer them with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainRefusals {

  private final ProblemExceptionHandler problems;

  DomainRefusals(ProblemExceptionHandler problems) {
    this.problems = problems;
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
      case Refusal.Unavailable _ -> ApiException.unavailable(detail);
    };
  }
}
