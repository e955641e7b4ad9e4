package org.safebed.gateway.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps paths that must never reach a service away from routing, before security runs:
 * {@code /internal/**} (service-to-service address look-ups only) answers 404, and paths with dot
 * segments or encoded separators answer 400. The latter matter because a route matches
 * {@code /api/placements/../../internal/x} as text while the service's server normalises it to
 * {@code /internal/x}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ForbiddenPaths implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String rawPath = exchange.getRequest().getURI().getRawPath();
    if (rawPath == null || isAmbiguous(rawPath)) {
      return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
          "The path contains dot segments or encoded separators.");
    }
    if (isInternal(rawPath)) {
      return Problems.write(exchange.getResponse(), HttpStatus.NOT_FOUND, ErrorDetails.NOT_FOUND);
    }
    return chain.filter(exchange);
  }

  static boolean isAmbiguous(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")
        || lower.contains("%25")) {
      return true;
    }
    for (String segment : decode(rawPath).split("/")) {
      // Servlet containers drop ";parameters" before normalising, so "..;x" counts as "..".
      String name = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
      if (name.equals(".") || name.equals("..")) {
        return true;
      }
    }
    return false;
  }

  static boolean isInternal(String rawPath) {
    String normalised = decode(rawPath).replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    return normalised.equals("/internal") || normalised.startsWith("/internal/")
        || normalised.startsWith("/internal;");
  }

  private static String decode(String rawPath) {
    try {
      // URLDecoder would turn '+' into a space, which is not what a path means.
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return rawPath;
    }
  }
}
