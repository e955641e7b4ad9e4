package org.safebed.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A sign-in form posted with a CSRF token its session no longer knows (the session expired while
 * the page stood open) goes back to the form, which says the session expired. Any other refusal
 * stays a problem+json 403.
 */
public final class SignInExpired implements AccessDeniedHandler {

  private final String signInExpiredUrl;
  private final AccessDeniedHandler otherwise = new ProblemJsonSecurityErrors();

  public SignInExpired(String signInExpiredUrl) {
    this.signInExpiredUrl = signInExpiredUrl;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
      throws IOException, jakarta.servlet.ServletException {
    if (exception instanceof CsrfException) {
      response.sendRedirect(request.getContextPath() + signInExpiredUrl);
      return;
    }
    otherwise.handle(request, response, exception);
  }
}
