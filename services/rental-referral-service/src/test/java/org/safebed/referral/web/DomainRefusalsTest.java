package org.safebed.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.safebed.referral.application.Refusal;
import org.safebed.referral.domain.ActiveReferralExistsException;
import org.safebed.referral.domain.InvalidTransitionException;
import org.safebed.referral.domain.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The use cases' refusals, and the domain's ones they now let through, answer exactly what they
 * answered when the use cases threw the platform's ApiException: status, problem type, title,
 * detail, Retry-After, and a denial audit for a 403 or a foreign record.
 */
class DomainRefusalsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DomainRefusals refusals = new DomainRefusals(new ProblemExceptionHandler(
      beans(new AccessDenials(new StaticListableBeanFactory().getBeanProvider(AuditTrail.class), registry))));

  @Test
  void unknownRecordIsNotFound() {
    assertAnswer(refused(new Refusal.NotFound("Placement")), 404, "not-found", "Not Found", "Placement not found");
    assertThat(denials()).isZero();
  }

  @Test
  void anotherAgencysRecordIsNotFoundTooButAuditedAsADenial() {
    Refusal.NotFound foreign = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.of("ref-1"), referral -> false, "Referral"));
    Refusal.NotFound unknown = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.empty(), referral -> true, "Referral"));

    assertAnswer(refused(unknown), 404, "not-found", "Not Found", "Referral not found");
    assertThat(denials()).isZero();
    assertAnswer(refused(foreign), 404, "not-found", "Not Found", "Referral not found");
    assertThat(denials()).isOne();
    assertThat(Refusal.visibleOrNotFound(Optional.of("ref-1"), referral -> true, "Referral")).isEqualTo("ref-1");
  }

  @Test
  void notAllowedIsAnAuditedForbidden() {
    assertAnswer(refused(new Refusal.NotAllowed("Your token names no housing agency")),
        403, "forbidden", "Forbidden", "Your token names no housing agency");
    assertThat(denials()).isOne();
  }

  @Test
  void conflictsAndBrokenRules() {
    assertAnswer(refused(new Refusal.Conflict("the unit is not available")),
        409, "conflict", "Conflict", "the unit is not available");
    assertAnswer(refusals.invalidTransition(new InvalidTransitionException("cannot offer a unit in status OFFERED")),
        409, "conflict", "Conflict", "cannot offer a unit in status OFFERED");
    assertAnswer(refusals.activeReferral(new ActiveReferralExistsException()),
        409, "conflict", "Conflict", "the resident already has an active referral");
    assertAnswer(refusals.ruleViolation(new RuleViolationException("the unit lies in an exclusion zone")),
        422, "unprocessable", "Unprocessable Content", "the unit lies in an exclusion zone");
    assertThat(denials()).isZero();
  }

  @Test
  void anUnavailableOccupancySaysWhenToComeBack() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(refused(new Refusal.Unavailable("try again shortly")),
        503, "unavailable", "Service Unavailable", "try again shortly");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  private ResponseEntity<ProblemDetail> refused(Refusal refusal) {
    return refusals.refused(refusal, new MockHttpServletRequest("GET", "/api/x"));
  }

  private static ResponseEntity<ProblemDetail> assertAnswer(ResponseEntity<ProblemDetail> answer, int status,
      String slug, String title, String detail) {
    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    ProblemDetail body = answer.getBody();
    assertThat(body.getStatus()).isEqualTo(status);
    assertThat(body.getType()).isEqualTo(URI.create("https://safebed.example/problems/" + slug));
    assertThat(body.getTitle()).isEqualTo(title);
    assertThat(body.getDetail()).isEqualTo(detail);
    assertThat(body.getProperties()).isNullOrEmpty();
    return answer;
  }

  private double denials() {
    return registry.get(AccessDenials.METRIC).tag("rule", "record").counter().count();
  }

  private static ObjectProvider<AccessDenials> beans(AccessDenials denials) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("accessDenials", denials);
    return beans.getBeanProvider(AccessDenials.class);
  }
}
