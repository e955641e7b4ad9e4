package org.safebed.occupancy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.safebed.platform.testing.ProblemAnswers.assertProblem;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.RequestRefused;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Occupancy's own refusals of a placement request answer exactly what they answered when they were
 * thrown as the platform's ApiException: status, problem type, title, detail, Retry-After, and no
 * denial audit (the handler never asks for the audit). The common kinds are pinned by the platform's {@code RefusalAnswersTest}.
 */
class DomainProblemsTest {

  @SuppressWarnings("unchecked")
  private final ObjectProvider<AccessDenials> denials = mock(ObjectProvider.class);
  private final DomainProblems problems = new DomainProblems(new ProblemExceptionHandler(denials));

  @Test
  void tooManyHoldsAndAReusedKey() {
    assertAnswer(new RequestRefused.TooManyHolds("You already have the maximum number of open placements"),
        409, "too-many-holds", "Conflict", "You already have the maximum number of open placements");
    assertAnswer(new RequestRefused.KeyReused("This Idempotency-Key was already used for a different placement request"),
        422, "unprocessable", "Unprocessable Content",
        "This Idempotency-Key was already used for a different placement request");
    verifyNoInteractions(denials);
  }

  @Test
  void churnSaysWhenToComeBack() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(
        new RequestRefused.TooMuchChurn("Too many placements were requested", Duration.ofSeconds(90)),
        429, "too-many-requests", "Too Many Requests", "Too many placements were requested");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("90");
    verifyNoInteractions(denials);
  }

  private ResponseEntity<ProblemDetail> assertAnswer(RequestRefused refusal, int status, String slug, String title,
      String detail) {
    return assertProblem(problems.refused(refusal, new MockHttpServletRequest("GET", "/api/x")),
        status, slug, title, detail);
  }
}
