package org.safebed.platform.web.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.safebed.platform.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes every refusal (403) of the service to its audit trail, in one place for all services: who
 * (the token's subject and roles), which operation (method and path <em>template</em>, so no id or
 * other value from the request is copied), which rule refused it, outcome {@code DENIED}.
 *
 * <p>A denial that cannot be audited is still a denial: the caller gets the 403 either way, and the
 * failure is logged by exception class only.
 */
public final class AccessDenials {

  public static final String ACTION = "ACCESS_DENIED";
  public static final String RECORD_TYPE = "operation";
  public static final String OUTCOME = "DENIED";

  /** Which kind of rule refused the request; stored as the entry's purpose. */
  public enum Rule {
    /** The caller's role may not use the operation (method security, path rules of a role). */
    ROLE,
    /** The role may use the operation, but not on this record or in its state. */
    RECORD,
    /** A path reserved for other callers ({@code /internal/**}, {@code /actuator/**}). */
    PATH
  }

  private static final Logger log = LoggerFactory.getLogger(AccessDenials.class);

  /**
   * {@code safebed.access.denials} (Prometheus {@code safebed_access_denials_total}) by {@code rule};
   * one series per rule from the start, so a spike alert has a baseline.
   */
  public static final String METRIC = "safebed.access.denials";

  private final ObjectProvider<AuditTrail> trail;
  private final Map<Rule, Counter> counters = new EnumMap<>(Rule.class);

  public AccessDenials(ObjectProvider<AuditTrail> trail) {
    this(trail, null);
  }

  /** @param registry where denials are counted; null: not counted */
  public AccessDenials(ObjectProvider<AuditTrail> trail, MeterRegistry registry) {
    this.trail = trail;
    if (registry != null) {
      for (Rule rule : Rule.values()) {
        counters.put(rule, Counter.builder(METRIC)
            .description("Requests refused (403), by the kind of rule that refused them")
            .tag("rule", rule.name().toLowerCase(Locale.ROOT))
            .register(registry));
      }
    }
  }

  public void record(HttpServletRequest request, Rule rule) {
    Counter counter = counters.get(rule);
    if (counter != null) {
      counter.increment();
    }
    AuditTrail audit = trail.getIfAvailable();
    if (audit == null) {
      return; // a service without a database keeps no audit trail
    }
    String operation = operation(request);
    try {
      audit.record(new AuditEntry(actor(), roles(), null, ACTION, RECORD_TYPE, operation, rule.name(), OUTCOME));
    } catch (RuntimeException e) {
      log.warn("Denial of {} could not be audited: {}", operation, e.getClass().getName());
    }
  }

  /**
   * {@code GET /api/placements/{placementId}}: the template Spring matched the request to. Before a
   * handler is chosen (refused by a path rule) only the protected area is named.
   */
  static String operation(HttpServletRequest request) {
    Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String method = request.getMethod() == null ? "?" : request.getMethod().toUpperCase(Locale.ROOT);
    if (template instanceof String pattern && !pattern.isBlank()) {
      return method + " " + pattern;
    }
    String path = request.getRequestURI() == null ? "" : request.getRequestURI().toLowerCase(Locale.ROOT);
    String area = path.startsWith("/internal/") || path.equals("/internal") ? "/internal/**"
        : path.startsWith("/actuator/") || path.equals("/actuator") ? "/actuator/**"
        : "/**";
    return method + " " + area;
  }

  private static String actor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token && token.getToken().getSubject() != null) {
      return token.getToken().getSubject();
    }
    return "anonymous";
  }

  private static String roles() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      String roles = Caller.from(token.getToken()).roles().stream()
          .map(Enum::name)
          .sorted()
          .collect(Collectors.joining(","));
      return roles.isEmpty() ? "NONE" : roles;
    }
    return "NONE";
  }
}
