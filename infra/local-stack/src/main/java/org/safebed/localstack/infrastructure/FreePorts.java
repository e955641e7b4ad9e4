package org.safebed.localstack.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Turns "any port" into a concrete one before start-up: the applications must know each other's
 * URLs (issuer, service URLs) before any of them listens.
 */
public final class FreePorts {

  private FreePorts() {}

  /** {@code port} itself, or a port that is free right now when it is {@code 0}. */
  public static int resolve(int port) {
    if (port != 0) {
      return port;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
