package org.safebed.occupancy.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.safebed.platform.testing.ServiceHttp;
import tools.jackson.databind.JsonNode;

/** Server-sent event streams a test opens on the service, closed together when it is done. */
final class EventStreams implements AutoCloseable {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final int port;
  private final List<Stream<String>> open = new ArrayList<>();

  EventStreams(int port) {
    this.port = port;
  }

  /** An open event stream: its lines arrive in a queue. */
  record EventStream(int status, String contentType, BlockingQueue<String> lines) {

    /** The data of the next event with this name, waiting up to 10 s for it. */
    JsonNode next(String event) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      String name = null;
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:") && event.equals(name)) {
          return ServiceHttp.JSON.readTree(line.substring(5).trim());
        }
      }
      throw new AssertionError("no '" + event + "' event within 10 s");
    }

    boolean sawLineStartingWith(String prefix, Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    }
  }

  EventStream follow(String path, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream")
        .GET().build();
    HttpResponse<Stream<String>> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Stream<String> body = response.body();
    open.add(body);
    Thread.ofVirtual().start(() -> {
      try {
        body.forEach(lines::add);
      } catch (RuntimeException closed) {
        // the test closed the stream
      }
    });
    return new EventStream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), lines);
  }

  @Override
  public void close() {
    open.forEach(Stream::close);
  }
}
