package org.safebed.gateway.web;

import org.safebed.gateway.config.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser rules of every answer, whoever wrote it: a service behind a route, a fallback, or the
 * gateway's own 4xx. Set just before the response is committed (a route filter would run after a
 * fallback or a refusal had already committed) and set, not added, so a service cannot weaken them:
 *
 * <ul>
 *   <li>no cache anywhere may keep an answer ({@code no-store}): they carry placements and cases;
 *   <li>nothing may be loaded, framed or submitted from an API answer (Content-Security-Policy,
 *       X-Frame-Options), and a browser must not guess a type other than the declared one; the
 *       console's own pages may load their script and style from this origin only;
 *   <li>no referrer leaves for another site, and HSTS when the request came over TLS. The console's
 *       pages say {@code same-origin} rather than {@code no-referrer}: under {@code no-referrer} a
 *       browser sends {@code Origin: null} with the page's own POSTs (signing out, confirming
 *       capacity), which the cross-origin rules rightly refuse.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders implements WebFilter {

  static final String HSTS = "max-age=31536000; includeSubDomains";

  /**
   * The console's pages may run and style themselves from this origin only, call only this origin
   * and post forms only here (signing out); no inline script, so injected markup cannot run.
   */
  static final String CONSOLE_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
      + "style-src 'self'; connect-src 'self'; img-src 'self'; worker-src 'self'; manifest-src 'self'; "
      + "frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'self'";

  private final String contentSecurityPolicy;

  public SecurityHeaders(GatewayProperties properties) {
    this.contentSecurityPolicy = properties.contentSecurityPolicy();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    boolean tls = exchange.getRequest().getSslInfo() != null
        || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    String path = exchange.getRequest().getPath().value();
    boolean console = path.equals("/console") || path.startsWith("/console/");
    String policy = console ? CONSOLE_CONTENT_SECURITY_POLICY : contentSecurityPolicy;
    String referrerPolicy = console ? "same-origin" : "no-referrer";
    exchange.getResponse().beforeCommit(() -> {
      HttpHeaders headers = exchange.getResponse().getHeaders();
      headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
      headers.set(HttpHeaders.PRAGMA, "no-cache");
      headers.set("Content-Security-Policy", policy);
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("X-Frame-Options", "DENY");
      headers.set("Referrer-Policy", referrerPolicy);
      headers.set("Cross-Origin-Resource-Policy", "same-origin");
      if (tls) {
        headers.set("Strict-Transport-Security", HSTS);
      }
      return Mono.empty();
    });
    return chain.filter(exchange);
  }
}
