package org.safebed.platform.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses with SafeBed's type URIs. */
public final class Problems {

  public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

  private Problems() {}

  public static ProblemDetail problem(HttpStatus status, String slug, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://safebed.example/problems/" + slug));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  public static ResponseEntity<ProblemDetail> response(HttpStatus status, String slug, String detail) {
    return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(problem(status, slug, detail));
  }
}
