package org.safebed.platform.web.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies larger than the limit with 413 before anything reads them. Bodies without a
 * declared length (chunked) are refused too: SafeBed's clients always know the size of what they
 * send, and an unbounded stream is the usual shape of an attack.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  public RequestSizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > maxBytes || (chunked && length < 0)) {
      ProblemResponseWriter.write(
          response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
          "The request body exceeds " + maxBytes + " bytes");
      return;
    }
    chain.doFilter(request, response);
  }
}
