package org.safebed.platform.web.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.safebed.platform.web.problem.ProblemResponseWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat decodes the query string only when something first asks for a parameter, and then throws
 * for a malformed encoding ({@code ?x=%ff}, an overlong {@code %C0%AE}, a lone {@code %}). Thrown
 * from inside a controller or a security filter, that became a 500, which the gateway counts as the
 * service failing: one caller's typo could open its circuit breaker for everyone. Decoding up front
 * makes it the client's 400, before any other code runs.
 */
public final class MalformedQueryFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getQueryString() != null) {
      try {
        request.getParameterMap();
      } catch (InvalidParameterException malformed) {
        HttpStatus status = HttpStatus.resolve(malformed.getErrorCode());
        ProblemResponseWriter.write(response,
            status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
            "malformed-query", "The query string is not correctly percent-encoded UTF-8");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
