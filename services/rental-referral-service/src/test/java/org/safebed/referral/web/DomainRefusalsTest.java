package org.safebed.referral.web;

import static org.safebed.platform.testing.ProblemAnswers.assertProblem;

import org.junit.jupiter.api.Test;
import org.safebed.referral.domain.ActiveReferralExistsException;
import org.safebed.referral.domain.InvalidTransitionException;
import org.safebed.referral.domain.RuleViolationException;

/**
 * The domain's refusals the use cases let through answer exactly what they answered when the use
 * cases threw the platform's ApiException: status, problem type, title and detail. The use cases'
 * own refusals are the platform's common kinds, pinned by its {@code RefusalAnswersTest}.
 */
class DomainRefusalsTest {

  private final DomainRefusals refusals = new DomainRefusals();

  @Test
  void brokenRulesAndStatesAreConflictsOrUnprocessable() {
    assertProblem(refusals.invalidTransition(new InvalidTransitionException("cannot offer a unit in status OFFERED")),
        409, "conflict", "Conflict", "cannot offer a unit in status OFFERED");
    assertProblem(refusals.activeReferral(new ActiveReferralExistsException()),
        409, "conflict", "Conflict", "the resident already has an active referral");
    assertProblem(refusals.ruleViolation(new RuleViolationException("the unit lies in an exclusion zone")),
        422, "unprocessable", "Unprocessable Content", "the unit lies in an exclusion zone");
  }
}
