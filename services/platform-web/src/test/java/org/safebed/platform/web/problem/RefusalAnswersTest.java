package org.safebed.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.safebed.platform.testing.ProblemAnswers.assertProblem;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The use cases' common refusals answer exactly what they answered when they were thrown as the
 * platform's ApiException: status, problem type, title, detail, Retry-After, and a denial audit for
 * a 403 or a foreign record.
 */
class RefusalAnswersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ProblemExceptionHandler problems = new ProblemExceptionHandler(
      beans(new AccessDenials(new StaticListableBeanFactory().getBeanProvider(AuditTrail.class), registry)));

  @Test
  void unknownRecordIsNotFound() {
    assertAnswer(new Refusal.NotFound("Shelter"), 404, "not-found", "Not Found", "Shelter not found");
    assertThat(denials()).isZero();
  }

  @Test
  void someoneElsesRecordIsNotFoundTooButAuditedAsADenial() {
    Refusal.NotFound foreign = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.of("job-1"), job -> false, "Transport job"));
    Refusal.NotFound unknown = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.empty(), job -> true, "Transport job"));

    assertAnswer(unknown, 404, "not-found", "Not Found", "Transport job not found");
    assertThat(denials()).isZero();
    assertAnswer(foreign, 404, "not-found", "Not Found", "Transport job not found");
    assertThat(denials()).isOne();
    assertAnswer(Refusal.NotFound.foreign("Referral"), 404, "not-found", "Not Found", "Referral not found");
    assertThat(denials()).isEqualTo(2);
    assertThat(Refusal.visibleOrNotFound(Optional.of("job-1"), job -> true, "Transport job")).isEqualTo("job-1");
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
    assertAnswer(new Refusal.InvalidCommand("Each duty window must start before it ends"),
        400, "bad-request", "Bad Request", "Each duty window must start before it ends");
    assertThat(denials()).isZero();
  }

  @Test
  void anUnavailableOwnerSaysWhenToComeBack() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(new Refusal.Unavailable("address service unavailable, try again"),
        503, "unavailable", "Service Unavailable", "address service unavailable, try again");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(denials()).isZero();
  }

  @Test
  void aServicesOwnKindItForgotToAnswerIsABareInternalError() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(new Unanswered("Nothing a caller should read"),
        500, "internal", "Internal Server Error", "The request could not be completed");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
    assertThat(denials()).isZero();
  }

  private ResponseEntity<ProblemDetail> assertAnswer(Refusal refusal, int status, String slug, String title,
      String detail) {
    return assertProblem(problems.refused(refusal, new MockHttpServletRequest("GET", "/api/x")),
        status, slug, title, detail);
  }

  private double denials() {
    return registry.get(AccessDenials.METRIC).tag("rule", "record").counter().count();
  }

  private static ObjectProvider<AccessDenials> beans(AccessDenials denials) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("accessDenials", denials);
    return beans.getBeanProvider(AccessDenials.class);
  }

  /** A kind of a service's own that its web layer does not answer. */
  private static final class Unanswered extends Refusal {
    Unanswered(String detail) {
      super(detail);
    }
  }
}
