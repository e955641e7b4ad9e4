package org.safebed.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safebed.console.services.ServiceRefusal;
import org.safebed.console.services.ServiceUnavailable;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.ui.Model;

/**
 * A refusal or an outage, said in plain words in the person's language: on a page of its own, or
 * in the page's message area when the page's script asked. Never the service's text, an enum name
 * or a trace.
 */
@ControllerAdvice
// Before the platform's problem+json handler: people get pages, not JSON.
@Order(Ordered.HIGHEST_PRECEDENCE)
class Failures {

  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  private final PageModel frame;

  Failures(PageModel frame) {
    this.frame = frame;
  }

  @ExceptionHandler(AccessDeniedException.class)
  String forbidden(HttpServletRequest request, HttpServletResponse response, Model model,
      Locale locale) {
    frame.fill(model, request, locale);
    model.addAttribute("messageKey", "error.forbidden");
    return answer(request, response, HttpServletResponse.SC_FORBIDDEN);
  }

  /**
   * A live page's stream whose browser has gone, or whose time ran out: there is nobody to show a
   * page to, and the browser reconnects by itself.
   */
  @ExceptionHandler({AsyncRequestNotUsableException.class, AsyncRequestTimeoutException.class})
  void streamEnded() {
    // nothing to answer
  }

  /** Spring's own refusals (no such page, wrong method, a malformed parameter): their status, our words. */
  @ExceptionHandler(Exception.class)
  String other(Exception failure, HttpServletRequest request, HttpServletResponse response, Model model,
      Locale locale) {
    frame.fill(model, request, locale);
    int status = failure instanceof ErrorResponse known ? known.getStatusCode().value()
        : failure instanceof HttpMessageNotReadableException || failure instanceof TypeMismatchException ? 400
        : 500;
    if (status >= 500) {
      // The type only: a message could quote what the person typed.
      log.error("Console page failed: {}", failure.getClass().getName());
    }
    model.addAttribute("messageKey", status >= 500 ? "error.unexpected" : messageKey(status));
    return answer(request, response, status);
  }

  @ExceptionHandler(ServiceRefusal.class)
  String refused(ServiceRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model,
      Locale locale) {
    frame.fill(model, request, locale);
    model.addAttribute("messageKey", messageKey(refusal.status()));
    refusal.retryAfterSeconds().ifPresent(seconds -> model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60)));
    return answer(request, response, refusal.status());
  }

  @ExceptionHandler(ServiceUnavailable.class)
  String unavailable(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
    frame.fill(model, request, locale);
    model.addAttribute("messageKey", "error.unavailable");
    return answer(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
  }

  static String messageKey(int status) {
    return switch (status) {
      case 401 -> "error.signed-out";
      case 403 -> "error.forbidden";
      case 404 -> "error.not-found";
      case 409 -> "error.conflict";
      case 429 -> "error.too-many";
      case 400, 422 -> "error.invalid";
      default -> "error.refused";
    };
  }

  /** A page's script gets the message into its message area; a plain request a page with it. */
  private static String answer(HttpServletRequest request, HttpServletResponse response, int status) {
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Retarget", "#messages");
      response.setHeader("HX-Reswap", "innerHTML");
      return "fragments :: message";
    }
    response.setStatus(status);
    return "problem";
  }
}
