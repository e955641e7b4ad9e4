package org.safebed.occupancy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safebed.occupancy.application.Refusal;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The use cases' refusals answer exactly what they answered when they were thrown as the
 * platform's ApiException: status, problem type, title, detail, Retry-After, and a denial audit for
 * a 403 or a foreign record.
 */
class DomainProblemsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DomainProblems problems = new DomainProblems(new ProblemExceptionHandler(
      beans(new AccessDenials(new StaticListableBeanFactory().getBeanProvider(AuditTrail.class), registry))));

  @Test
  void unknownRecordIsNotFound() {
    assertAnswer(new Refusal.NotFound("Shelter"), 404, "not-found", "Not Found", "Shelter not found");
    assertThat(denials()).isZero();
  }

  @Test
  void someoneElsesRecordIsNotFoundTooButAuditedAsADenial() {
    Refusal.NotFound foreign = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.of("bed-1"), bed -> false, "Bed"));
    Refusal.NotFound unknown = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.empty(), bed -> true, "Bed"));

    assertAnswer(unknown, 404, "not-found", "Not Found", "Bed not found");
    assertThat(denials()).isZero();
    assertAnswer(foreign, 404, "not-found", "Not Found", "Bed not found");
    assertThat(denials()).isOne();
    assertThat(Refusal.visibleOrNotFound(Optional.of("bed-1"), bed -> true, "Bed")).isEqualTo("bed-1");
  }

  @Test
  void notAllowedIsAnAuditedForbidden() {
    assertAnswer(new Refusal.NotAllowed("These safety constraints are not disclosed to this caller"),
        403, "forbidden", "Forbidden", "These safety constraints are not disclosed to this caller");
    assertThat(denials()).isOne();
  }

  @Test
  void conflictsAndBadCommands() {
    assertAnswer(new Refusal.Conflict("A shelter with this id exists already"),
        409, "conflict", "Conflict", "A shelter with this id exists already");
    assertAnswer(new Refusal.InvalidCommand("A bed goes out of service with a reason"),
        400, "bad-request", "Bad Request", "A bed goes out of service with a reason");
    assertAnswer(new Refusal.TooManyHolds("You already have the maximum number of open placements"),
        409, "too-many-holds", "Conflict", "You already have the maximum number of open placements");
    assertAnswer(new Refusal.KeyReused("This Idempotency-Key was already used for a different placement request"),
        422, "unprocessable", "Unprocessable Content",
        "This Idempotency-Key was already used for a different placement request");
    assertThat(denials()).isZero();
  }

  @Test
  void churnSaysWhenToComeBack() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(
        new Refusal.TooMuchChurn("Too many placements were requested", Duration.ofSeconds(90)),
        429, "too-many-requests", "Too Many Requests", "Too many placements were requested");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("90");
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  private ResponseEntity<ProblemDetail> assertAnswer(Refusal refusal, int status, String slug, String title,
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
