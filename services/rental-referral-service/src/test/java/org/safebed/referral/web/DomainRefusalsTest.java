package org.safebed.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.safebed.referral.domain.ActiveReferralExistsException;
import org.safebed.referral.domain.InvalidTransitionException;
import org.safebed.referral.domain.RuleViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The domain's refusals the use cases let through answer exactly what they answered when the use
 * cases threw the platform's ApiException: status, problem type, title and detail. The use cases'
 * own refusals are the platform's common kinds, pinned by its {@code RefusalAnswersTest}.
 */
class DomainRefusalsTest {

  private final DomainRefusals refusals = new DomainRefusals();

  @Test
  void brokenRulesAndStatesAreConflictsOrUnprocessable() {
    assertAnswer(refusals.invalidTransition(new InvalidTransitionException("cannot offer a unit in status OFFERED")),
        409, "conflict", "Conflict", "cannot offer a unit in status OFFERED");
    assertAnswer(refusals.activeReferral(new ActiveReferralExistsException()),
        409, "conflict", "Conflict", "the resident already has an active referral");
    assertAnswer(refusals.ruleViolation(new RuleViolationException("the unit lies in an exclusion zone")),
        422, "unprocessable", "Unprocessable Content", "the unit lies in an exclusion zone");
  }

  private static void assertAnswer(ResponseEntity<ProblemDetail> answer, int status, String slug, String title,
      String detail) {
    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    ProblemDetail body = answer.getBody();
    assertThat(body.getStatus()).isEqualTo(status);
    assertThat(body.getType()).isEqualTo(URI.create("https://safebed.example/problems/" + slug));
    assertThat(body.getTitle()).isEqualTo(title);
    assertThat(body.getDetail()).isEqualTo(detail);
    assertThat(body.getProperties()).isNullOrEmpty();
  }
}
