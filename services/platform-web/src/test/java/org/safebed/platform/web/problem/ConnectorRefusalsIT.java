package org.safebed.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safebed.platform.testing.RawHttp;
import org.safebed.platform.testing.SafeBedServiceTest;
import org.safebed.platform.testing.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * What Tomcat itself refuses, before any Spring code runs (URLs it cannot decode, characters the
 * HTTP grammar forbids, oversized heads), is a problem+json like every other refusal, never its HTML
 * error page; and a slow or idle client is dropped within the configured limits.
 */
@SafeBedServiceTest
@TestPropertySource(properties = {"safebed.security.token.audience=safebed-transport",
    "spring.mvc.problemdetails.enabled=true",
    "safebed.web.connections.request-timeout=1s",
    "safebed.web.connections.keep-alive-timeout=1s"})
class ConnectorRefusalsIT {

  @LocalServerPort int port;

  private static void assertProblem(RawHttp.Answer answer, int status, String refused) {
    assertThat(answer.status()).as(refused).isEqualTo(status);
    assertThat(answer.isProblem()).as(refused + " answered " + answer.contentType() + ": " + answer.body())
        .isTrue();
    assertThat(answer.body()).as(refused)
        .contains("\"status\":" + status)
        .doesNotContain("Secret")
        .doesNotContain("Exception")
        .doesNotContain("Tomcat")
        .doesNotContainIgnoringCase("<html");
  }

  @Test
  void urlsTomcatCannotDecodeOrParseAreProblems() throws Exception {
    String token = "Authorization: Bearer " + TestTokens.police("p1");
    for (String target : List.of(
        "/api/people/Secret%ff",
        "/api/people/Secret%C0%AE",
        "/api/people/Secret%",
        "/api/cases?status[$ne]=Secret",
        "/api/cases?status=Secret%ff",
        "/api/cases?region=Secret%C0%AE",
        "/api/cases?Secret=%",
        "/api/cases?Secret=%zz",
        "/api/people/Secret\\x",
        "/api/cases?x=Secret|{}")) {
      assertProblem(RawHttp.exchange(port, "GET", target, token, "Idempotency-Key: " + java.util.UUID.randomUUID()),
          400, target);
    }
  }

  @Test
  void malformedHeadsAreProblems() throws Exception {
    assertProblem(RawHttp.exchange(port, "GET", "/api/cases", "X-Secret: a\u0000b"), 400, "NUL in a header");
    assertProblem(RawHttp.exchange(port, "GET", "/api/cases", "X Secret: b"), 400, "space in a header name");
    assertProblem(RawHttp.exchange(port, "GET", "/api/cases?q=" + "Secret".repeat(3_000)), 400, "long URL");
    assertProblem(RawHttp.exchange(port, "GET", "/api/cases", "X-Secret: " + "x".repeat(20_000)), 400,
        "large header");
  }

  @Test
  void aClientThatSendsHalfARequestIsDropped() throws Exception {
    Duration held = RawHttp.heldOpenAfter(port, "GET /api/cases HTTP/1.1\r\nHost: x\r\n", Duration.ofSeconds(10));

    assertThat(held).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void anIdleConnectionIsDropped() throws Exception {
    Duration held = RawHttp.heldOpenAfter(port, "", Duration.ofSeconds(10));

    assertThat(held).isLessThan(Duration.ofSeconds(4));
  }
}
