package org.safebed.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the session's CSRF token (relayed by the gateway) into every form a page draws with
 * {@code th:action}, as its {@code _csrf} field: a form then works when sent by the browser itself,
 * without the page's script, and the gateway checks the field as it checks the script's header.
 * The console does not check CSRF itself (the gateway holds the session), so it only exposes the
 * relayed token where Spring Security's form processor looks for one.
 */
@Component
class FormTokens extends OncePerRequestFilter {

  /** The gateway's relay of the session's CSRF token; any copy the browser sent is dropped there. */
  static final String RELAYED = "X-SafeBed-Csrf";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getHeader(RELAYED);
    if (token != null && !token.isBlank()) {
      request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", token));
    }
    chain.doFilter(request, response);
  }
}
