package org.safebed.transport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.safebed.transport.application.Refusal;
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
class DomainRefusalsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DomainRefusals refusals = new DomainRefusals(new ProblemExceptionHandler(
      beans(new AccessDenials(new StaticListableBeanFactory().getBeanProvider(AuditTrail.class), registry))));

  @Test
  void unknownRecordIsNotFound() {
    assertAnswer(new Refusal.NotFound("Driver profile"), 404, "not-found", "Not Found", "Driver profile not found");
    assertThat(denials()).isZero();
  }

  @Test
  void someoneElsesJobIsNotFoundTooButAuditedAsADenial() {
    Refusal.NotFound foreign = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.of("job-1"), job -> false, "Transport job"));
    Refusal.NotFound unknown = catchThrowableOfType(Refusal.NotFound.class,
        () -> Refusal.visibleOrNotFound(Optional.empty(), job -> true, "Transport job"));

    assertAnswer(unknown, 404, "not-found", "Not Found", "Transport job not found");
    assertThat(denials()).isZero();
    assertAnswer(foreign, 404, "not-found", "Not Found", "Transport job not found");
    assertThat(denials()).isOne();
    assertAnswer(Refusal.NotFound.foreign("Transport job"), 404, "not-found", "Not Found", "Transport job not found");
    assertThat(denials()).isEqualTo(2);
    assertThat(Refusal.visibleOrNotFound(Optional.of("job-1"), job -> true, "Transport job")).isEqualTo("job-1");
  }

  @Test
  void notAllowedIsAnAuditedForbidden() {
    assertAnswer(new Refusal.NotAllowed("The shelter service refused to disclose this destination"),
        403, "forbidden", "Forbidden", "The shelter service refused to disclose this destination");
    assertThat(denials()).isOne();
  }

  @Test
  void conflictsAndBadCommands() {
    assertAnswer(new Refusal.Conflict("The job changed meanwhile; look at it again"),
        409, "conflict", "Conflict", "The job changed meanwhile; look at it again");
    assertAnswer(new Refusal.InvalidCommand("Each duty window must start before it ends"),
        400, "bad-request", "Bad Request", "Each duty window must start before it ends");
    assertThat(denials()).isZero();
  }

  @Test
  void anUnavailableOwnerSaysWhenToComeBack() {
    ResponseEntity<ProblemDetail> answer = assertAnswer(new Refusal.Unavailable("address service unavailable, try again"),
        503, "unavailable", "Service Unavailable", "address service unavailable, try again");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  private ResponseEntity<ProblemDetail> assertAnswer(Refusal refusal, int status, String slug, String title,
      String detail) {
    ResponseEntity<ProblemDetail> answer = refusals.refused(refusal, new MockHttpServletRequest("GET", "/api/x"));
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
