package org.safebed.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Without a valid token (the session ended, or someone reached the console around the gateway) a
 * page goes back to the console's start, where the gateway asks her to sign in; a request made by
 * the page's script is told to do the same ({@code HX-Redirect}), never shown a raw 401.
 */
final class SignInAgain implements AuthenticationEntryPoint {

  static final String START = "/console/";

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", START);
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    response.sendRedirect(START);
  }
}
