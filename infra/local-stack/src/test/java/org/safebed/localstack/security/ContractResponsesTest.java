package org.safebed.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safebed.localstack.security.OpenApiSpecs.Operation;
import org.safebed.localstack.security.StackClient.Answer;

/** The contract check the negative suites rely on: it must catch what it is there to catch. */
class ContractResponsesTest {

  private static final Operation GET_JOB = OpenApiSpecs.byId("getJob");
  private static final String PROBLEM = "application/problem+json";

  private static Answer answer(int status, String contentType, String body) {
    return new Answer(status, contentType, body,
        HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true));
  }

  @Test
  void aProblemAsDeclaredConforms() {
    assertThat(ContractResponses.violation(GET_JOB, answer(404, PROBLEM,
        "{\"type\":\"https://safebed.example/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"Job not found\",\"instance\":\"/api/transport/jobs/job-1\"}"))).isEmpty();
  }

  @Test
  void aStatusTheOperationDoesNotDeclareIsReported() {
    assertThat(ContractResponses.violation(GET_JOB, answer(418, PROBLEM,
        "{\"type\":\"about:blank\",\"title\":\"Teapot\",\"status\":418}"))).hasValueSatisfying(
            violation -> assertThat(violation).contains("418"));
  }

  @Test
  void aProblemWithoutItsRequiredMembersIsReported() {
    assertThat(ContractResponses.violation(GET_JOB, answer(404, PROBLEM, "{\"detail\":\"Job not found\"}")))
        .isPresent();
  }

  @Test
  void aBodyOffItsSchemaIsReported() {
    // A job whose status is outside its enum, and a null where the contract allows none.
    assertThat(ContractResponses.violation(GET_JOB, answer(200, "application/json",
        "{\"id\":\"job-1\",\"status\":\"TELEPORTED\"}"))).isPresent();
    assertThat(ContractResponses.violation(GET_JOB, answer(200, "application/json",
        "{\"id\":\"job-1\",\"driverId\":null}"))).isPresent();
  }
}
