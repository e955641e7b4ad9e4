package org.safebed.platform.web.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to the caller. The detail is shown to the caller as is: it must never
 * contain an address, a name or any other personal value.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String slug;

  public ApiException(HttpStatus status, String slug, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  /** Unknown id, or an id the caller may not know exists (foreign resources answer the same). */
  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found");
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", detail);
  }

  public static ApiException unprocessable(String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", detail);
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail);
  }
}
