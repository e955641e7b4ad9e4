package org.safebed.platform.web.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a service waits for a client that sends nothing: a slow or idle connection holds a
 * thread's worth of resources, so it is dropped within seconds rather than Tomcat's minute.
 * Boot's {@code server.tomcat.connection-timeout} and {@code keep-alive-timeout}, when set, win.
 *
 * @param requestTimeout the longest pause while a request (line, headers, body) arrives, and the
 *     wait for the first request on a new connection
 * @param keepAliveTimeout how long a connection may stay idle between requests; the gateway's pool
 *     closes its idle connections before this
 */
@ConfigurationProperties("safebed.web.connections")
public record ConnectionLimits(Duration requestTimeout, Duration keepAliveTimeout) {

  public ConnectionLimits {
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
    keepAliveTimeout = keepAliveTimeout == null ? Duration.ofSeconds(10) : keepAliveTimeout;
    if (requestTimeout.isNegative() || requestTimeout.isZero()
        || keepAliveTimeout.isNegative() || keepAliveTimeout.isZero()) {
      throw new IllegalArgumentException("safebed.web.connections timeouts must be positive");
    }
  }
}
