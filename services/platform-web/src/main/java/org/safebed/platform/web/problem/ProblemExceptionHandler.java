package org.safebed.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.audit.AccessDenials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a SafeBed service returns is {@code application/problem+json}. Details name the field
 * and the rule that failed, never the rejected value (it may be personal data), and unexpected
 * failures answer a bare 500 without a stack trace. Every 403, and every 404 that hides a record
 * which exists but is not the caller's, is written to the audit trail.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final ObjectProvider<AccessDenials> denials;

  public ProblemExceptionHandler(ObjectProvider<AccessDenials> denials) {
    this.denials = denials;
  }

  /**
   * The answer to a refusal: its problem+json, a {@code Retry-After} where the caller may come back,
   * and an audit entry for a 403 or a hidden foreign record. Public so that a service's web layer
   * answers its use cases' own refusals exactly like this, once it has said which one each is.
   */
  @ExceptionHandler(ApiException.class)
  public ResponseEntity<ProblemDetail> answer(ApiException e, HttpServletRequest request) {
    if (e.status() == HttpStatus.FORBIDDEN || e.hidesForeignRecord()) {
      denials.ifAvailable(audit -> audit.record(request, AccessDenials.Rule.RECORD));
    }
    ResponseEntity<ProblemDetail> response = Problems.response(e.status(), e.slug(), e.getMessage());
    if (e.retryAfter().isPresent()) {
      long seconds = Math.max(1, e.retryAfter().get().toSeconds());
      return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
          .header("Retry-After", Long.toString(seconds)).body(response.getBody());
    }
    if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      // A dependency is down for a moment (its breaker retries in seconds): say when to come back.
      return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
          .header("Retry-After", "5").body(response.getBody());
    }
    return response;
  }

  /**
   * A use case's refusal in the words every service shares, answered as {@link #answer} answers the
   * matching ApiException. A kind a service adds of its own is answered by that service's web layer,
   * in an advice ordered before this one; one that reaches this handler is a bug, answered like any
   * unexpected failure.
   */
  @ExceptionHandler(Refusal.class)
  public ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request) {
    return asProblem(refusal).map(problem -> answer(problem, request)).orElseGet(() -> unexpected(refusal));
  }

  static Optional<ApiException> asProblem(Refusal refusal) {
    String detail = refusal.getMessage();
    return Optional.ofNullable(switch (refusal) {
      case Refusal.NotFound n -> n.foreign() ? ApiException.foreign(n.what()) : ApiException.notFound(n.what());
      case Refusal.NotAllowed _ -> ApiException.forbidden(detail);
      case Refusal.Conflict _ -> ApiException.conflict(detail);
      case Refusal.InvalidCommand _ -> ApiException.badRequest(detail);
      case Refusal.Unavailable _ -> ApiException.unavailable(detail);
      default -> null;
    });
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e, HttpServletRequest request) {
    denials.ifAvailable(audit -> audit.record(request, AccessDenials.Rule.ROLE));
    return Problems.response(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
    return Problems.response(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid bearer token is required");
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", detail);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected failure: {}", e.getClass().getName());
    return Problems.response(
        HttpStatus.INTERNAL_SERVER_ERROR, "internal", "The request could not be completed");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> f.getField() + ": " + f.getDefaultMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", detail.isEmpty() ? "Invalid request" : detail);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String detail =
        e.getParameterValidationResults().stream()
            .flatMap(r -> r.getResolvableErrors().stream()
                .map(err -> r.getMethodParameter().getParameterName() + ": " + err.getDefaultMessage()))
            .sorted()
            .collect(Collectors.joining("; "));
    return problem(HttpStatus.BAD_REQUEST, "invalid-request", detail.isEmpty() ? "Invalid request" : detail);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // The parser's message can quote the body: say only that it could not be read.
    return problem(
        HttpStatus.BAD_REQUEST,
        "malformed-request",
        "The request body is not valid JSON for this operation (unknown fields, null values, repeated keys,"
            + " repeated items of a set and control characters are rejected)");
  }

  /** Names the parameter, never the value: Spring's own text quotes it ("with value: '...'"). */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
    return problem(HttpStatus.BAD_REQUEST, "invalid-request",
        (name == null ? "A parameter" : name) + ": not a valid value for this parameter");
  }

  /**
   * Spring's own 4xx (unsupported media type, missing header, wrong method, no such path…) as
   * problem+json with fixed texts: Spring's details can quote the request (its path, method or
   * content type), which may carry an id or worse.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    HttpStatus resolved = HttpStatus.valueOf(status.value());
    return problem(resolved, "http-" + resolved.value(), fixedDetail(e, resolved));
  }

  private static String fixedDetail(Exception e, HttpStatus status) {
    if (e instanceof MissingRequestHeaderException missing) {
      return "Required header '" + missing.getHeaderName() + "' is missing";
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return "Required parameter '" + missing.getParameterName() + "' is missing";
    }
    return switch (status) {
      case NOT_FOUND -> "There is no such resource";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here";
      case NOT_ACCEPTABLE -> "No acceptable representation of this resource";
      case UNSUPPORTED_MEDIA_TYPE -> "The content type is not supported; send application/json";
      case BAD_REQUEST -> "The request is not valid for this operation";
      default -> status.getReasonPhrase();
    };
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String slug, String detail) {
    return ResponseEntity.status(status)
        .contentType(Problems.PROBLEM_JSON)
        .body(Problems.problem(status, slug, detail));
  }
}
