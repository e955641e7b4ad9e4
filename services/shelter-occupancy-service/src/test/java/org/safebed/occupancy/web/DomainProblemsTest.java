package org.safebed.occupancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.RequestRefused;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Occupancy's own refusals of a placement request answer exactly what they answered when they were
 * thrown as the platform's ApiException: status, problem type, title, detail, Retry-After, and no
 * denial audit. The common kinds are pinned by the platform's {@code RefusalAnswersTest}.
 */
class DomainProblemsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DomainProblems problems = new DomainProblems(new ProblemExceptionHandler(
      beans(new AccessDenials(new StaticListableBeanFactory().getBeanProvider(AuditTrail.class), registry))));

  @Test
  void tooManyHoldsAndAReusedKey() {
    assertAnswer(new RequestRefused.TooManyHolds("You already have the maximum number of open placements"),
        409, "too-many-holds", "Conflict", "You already have the maximum number of open placements");
    assertAnswer(new RequestRefused.KeyReused("This Idempotency-Key was already used for a different placement request"),
        422, "unprocessable", "Unprocessable Content",
        "This Idempotency-Key was already used for a different placement request");
    assertThat(denials()).isZero();
  }

  @Test
  void churnSaysWhenToComeBack() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(
        new RequestRefused.TooMuchChurn("Too many placements were requested", Duration.ofSeconds(90)),
        429, "too-many-requests", "Too Many Requests", "Too many placements were requested");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("90");
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  private ResponseEntity<ProblemDetail> assertAnswer(RequestRefused refusal, int status, String slug, String title,
      String detail) {
    ResponseEntity<ProblemDetail> answer = problems.refused(refusal, new MockHttpServletRequest("GET", "/api/x"));
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
