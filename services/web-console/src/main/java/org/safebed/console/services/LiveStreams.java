package org.safebed.console.services;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A service's live status stream (server-sent events) read for one person. It runs on the calling
 * thread until the stream ends or the listener has had enough, so it is called off the request
 * thread, and the person's token is handed over explicitly rather than read from the request.
 * The service's breaker guards the opening only: a stream that stays open for an hour is not a slow
 * call, and a stream cut later is not the service failing.
 */
public final class LiveStreams {

  /** How a stream ended, which decides whether the page should try again. */
  public enum End {
    /** The stream ran and stopped (the service ended it, went quiet, or the listener stopped). */
    ENDED,
    /** The service refused her (gone, not hers): trying again would be refused again. */
    REFUSED,
    /** The service could not be reached or failed, or its breaker is open. */
    UNAVAILABLE
  }

  /** What the stream says, in the order it says it. */
  public interface Listener {

    /** A named event; answer false to stop following. */
    boolean event(String name, String data);

    /** A heartbeat (a comment line), a chance to notice that nobody listens any more. */
    boolean heartbeat();
  }

  private final RestClient client;
  private final CircuitBreaker breaker;

  LiveStreams(RestClient client, CircuitBreaker breaker) {
    this.client = client;
    this.breaker = breaker;
  }

  public End follow(String token, Listener listener, String path, Object... uriVariables) {
    if (!breaker.tryAcquirePermission()) {
      return End.UNAVAILABLE;
    }
    long started = System.nanoTime();
    boolean[] opened = {false};
    try {
      return client.get().uri(path, uriVariables)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .accept(MediaType.TEXT_EVENT_STREAM)
          .exchange((request, response) -> {
            opened[0] = true;
            if (response.getStatusCode().is5xxServerError()) {
              breaker.onError(elapsed(started), TimeUnit.NANOSECONDS, new IOException("status " + response.getStatusCode()));
              return End.UNAVAILABLE;
            }
            breaker.onSuccess(elapsed(started), TimeUnit.NANOSECONDS);
            if (!response.getStatusCode().is2xxSuccessful()) {
              return End.REFUSED;
            }
            read(new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8)), listener);
            return End.ENDED;
          }, true);
    } catch (RestClientException failed) {
      if (!opened[0]) {
        breaker.onError(elapsed(started), TimeUnit.NANOSECONDS, failed);
        return End.UNAVAILABLE;
      }
      // Cut after it opened (the service went quiet or away): the stream simply ended.
      return End.ENDED;
    }
  }

  /** The event-stream format: fields until a blank line, which dispatches the event. */
  private static void read(BufferedReader lines, Listener listener) throws IOException {
    String name = "message";
    StringBuilder data = null;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty()) {
        if (data != null && !listener.event(name, data.toString())) {
          return;
        }
        name = "message";
        data = null;
      } else if (line.startsWith(":")) {
        if (!listener.heartbeat()) {
          return;
        }
      } else if (line.startsWith("event:")) {
        name = value(line);
      } else if (line.startsWith("data:")) {
        data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
      }
    }
  }

  private static String value(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  private static long elapsed(long started) {
    return System.nanoTime() - started;
  }
}
