package org.safebed.console.services;

import java.util.OptionalLong;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A service refused what the person asked (4xx). Only the status travels on: the problem's text
 * is written for API clients, and the page says it in the person's language instead.
 */
public final class ServiceRefusal extends RuntimeException {

  private final int status;
  private final OptionalLong retryAfterSeconds;

  public ServiceRefusal(int status, OptionalLong retryAfterSeconds) {
    super("refused with " + status, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ServiceRefusal from(HttpClientErrorException refused) {
    HttpStatusCode code = refused.getStatusCode();
    String retryAfter = refused.getResponseHeaders() == null
        ? null : refused.getResponseHeaders().getFirst("Retry-After");
    OptionalLong seconds = OptionalLong.empty();
    if (retryAfter != null && retryAfter.matches("\\d{1,6}")) {
      seconds = OptionalLong.of(Long.parseLong(retryAfter));
    }
    return new ServiceRefusal(code.value(), seconds);
  }

  public int status() {
    return status;
  }

  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
