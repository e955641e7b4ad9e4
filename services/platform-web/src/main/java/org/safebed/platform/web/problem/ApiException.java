package org.safebed.platform.web.problem;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to the caller. The detail is shown to the caller as is: it must never
 * contain an address, a name or any other personal value.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String slug;
  private final boolean hidesForeignRecord;
  private final Duration retryAfter;

  public ApiException(HttpStatus status, String slug, String detail) {
    this(status, slug, detail, false, null);
  }

  private ApiException(HttpStatus status, String slug, String detail, boolean hidesForeignRecord,
      Duration retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.hidesForeignRecord = hidesForeignRecord;
    this.retryAfter = retryAfter;
  }

  /** When the caller may try again (the {@code Retry-After} header), or empty. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  /**
   * True for a 404 that answers a record which exists but is not the caller's: a denial, audited as
   * one, though the caller cannot tell it from an unknown id.
   */
  public boolean hidesForeignRecord() {
    return hidesForeignRecord;
  }

  /** Unknown id. For a record that exists but is someone else's, use {@link #visibleOrNotFound}. */
  public static ApiException notFound(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found");
  }

  /**
   * The same answer as {@link #notFound} for a record the caller may not know exists, but audited
   * as an access denial by the platform's error handler.
   */
  public static ApiException foreign(String what) {
    return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " not found", true, null);
  }

  /**
   * The record if there is one and the caller may see it. Unknown and foreign records both answer
   * 404, so ids cannot be probed; only the foreign one is a denial for the audit trail.
   */
  public static <T> T visibleOrNotFound(Optional<T> record, Predicate<? super T> visible, String what) {
    T found = record.orElseThrow(() -> notFound(what));
    if (!visible.test(found)) {
      throw foreign(what);
    }
    return found;
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

  /** 429: the caller has done this too often; it may try again after {@code retryAfter}. */
  public static ApiException tooManyRequests(String detail, Duration retryAfter) {
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", detail, false, retryAfter);
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail);
  }
}
