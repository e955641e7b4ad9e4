package org.safebed.gateway.web;

import org.springframework.http.HttpStatusCode;

/** The fixed texts the gateway answers errors with. */
final class ErrorDetails {

  static final String NOT_FOUND = "There is no SafeBed API at this path.";
  static final String TOO_LARGE = "The request body is larger than the gateway accepts.";
  static final String UNAVAILABLE = "The service is unavailable. Try again shortly.";
  static final String FAILED = "The gateway could not complete the request.";

  private ErrorDetails() {}

  static String forStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 404 -> NOT_FOUND;
      case 413 -> TOO_LARGE;
      case 502, 503, 504 -> UNAVAILABLE;
      default -> status.is5xxServerError() ? FAILED : "The request was not accepted.";
    };
  }
}
