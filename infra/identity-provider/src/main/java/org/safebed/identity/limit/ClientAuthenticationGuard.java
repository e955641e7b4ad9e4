package org.safebed.identity.limit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows the guessing of client secrets: on the endpoints where a client authenticates (token,
 * introspection, revocation), each 401 counts as a failure for the client id it named and for the
 * remote address it came from; once either has too many failures in its window, every request for
 * that client or from that address is answered 429 (problem+json, with Retry-After) before the
 * secret is even checked, so a correct guess in that time is worthless. Runs before Spring Security.
 */
public final class ClientAuthenticationGuard extends OncePerRequestFilter {

  static final Set<String> GUARDED = Set.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");

  private static final Logger log = LoggerFactory.getLogger(ClientAuthenticationGuard.class);

  private final FailedAuthentications failures;
  private final FailedAuthenticationLimit limit;

  public ClientAuthenticationGuard(FailedAuthenticationLimit limit, FailedAuthentications failures) {
    this.limit = limit;
    this.failures = failures;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !GUARDED.contains(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = "address:" + request.getRemoteAddr();
    String client = clientIdOf(request);
    Duration blocked = max(failures.blockedFor(address, limit.maxPerAddress()),
        client == null ? Duration.ZERO : failures.blockedFor("client:" + client, limit.maxPerClient()));
    if (!blocked.isZero()) {
      tooManyFailures(response, blocked);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      boolean limitReached = failures.recordFailure(address) == limit.maxPerAddress();
      if (client != null) {
        limitReached |= failures.recordFailure("client:" + client) == limit.maxPerClient();
      }
      if (limitReached) {
        // Neither the address nor the client id: that a limit was reached is what to notice.
        log.warn("Failed client authentications reached the limit: refusing for the rest of the window");
      }
    }
  }

  /** The client id from HTTP Basic (form-encoded, RFC 6749 2.3.1) or from the form. */
  static String clientIdOf(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
            StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 ? URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8) : null;
      } catch (IllegalArgumentException malformed) {
        return null;
      }
    }
    String fromForm = request.getParameter("client_id");
    return fromForm == null || fromForm.isBlank() ? null : fromForm;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void tooManyFailures(HttpServletResponse response, Duration blocked) throws IOException {
    long seconds = Math.max(1, (blocked.toMillis() + 999) / 1000);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("""
        {"type":"about:blank","title":"Too Many Requests","status":429,\
        "detail":"Too many failed client authentications. Retry after the time in Retry-After."}""");
  }
}
