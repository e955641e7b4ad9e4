package org.safebed.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Assertions on a problem+json answer an exception handler returned, called directly in a unit
 * test: the whole answer is pinned, and nothing beyond it (no extra properties that could carry a
 * submitted value).
 */
public final class ProblemAnswers {

  private ProblemAnswers() {}

  /** @return the answer, for its headers */
  public static ResponseEntity<ProblemDetail> assertProblem(ResponseEntity<ProblemDetail> answer, int status,
      String slug, String title, String detail) {
    assertThat(answer.getStatusCode().value()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
    ProblemDetail body = answer.getBody();
    assertThat(body.getStatus()).isEqualTo(status);
    assertThat(body.getType()).isEqualTo(URI.create("https://safebed.example/problems/" + slug));
    assertThat(body.getTitle()).isEqualTo(title);
    assertThat(body.getDetail()).isEqualTo(detail);
    assertThat(body.getProperties()).isNullOrEmpty();
    return answer;
  }
}
