package org.safebed.referral.web;

import jakarta.servlet.http.HttpServletRequest;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.safebed.platform.web.problem.Problems;
import org.safebed.referral.application.Refusal;
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
 * The domain's and the use cases' refusals as problem+json. Ordered before the platform's handler,
 * whose catch-all would otherwise answer them with a 500. Their messages are fixed texts of the
 * domain, never input. The use cases' refusals are answered by the platform's handler once each is
 * given its status and type here, so they get its Retry-After headers and denial audit too.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainRefusals {

  private final ProblemExceptionHandler problems;

  public DomainRefusals(ProblemExceptionHandler problems) {
    this.problems = problems;
  }

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
      case Refusal.Unavailable _ -> ApiException.unavailable(detail);
    };
  }
}
