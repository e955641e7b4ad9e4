package org.safebed.console.live;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.safebed.console.ConsoleProperties;
import org.safebed.console.services.LiveStreams;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Turns a service's live stream into a page's: whenever the service reports a change, the page is
 * sent {@code changed} and asks for its live part again (htmx's SSE extension), so there is one way
 * of drawing a screen and nothing of the service's answer reaches the browser as it came. When the
 * record is over, or is not hers, the page is sent {@code closed} and stops listening; when the
 * service is unreachable the page's stream ends and the browser reconnects a few seconds later
 * (the page also asks now and then, in case the stream stays down).
 *
 * <p>Each followed page holds one virtual thread reading the service's stream; the service's
 * heartbeats are passed on, which is how a page that was closed is noticed and let go.
 */
@Component
public class LiveRelay {

  /** What the page listens for; the data is only the event's kind, never a record. */
  public static final String CHANGED = "changed";
  public static final String CLOSED = "closed";
  /** How long the browser waits before it reconnects a stream that ended. */
  static final long RECONNECT_MILLIS = 5_000;

  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final long streamMillis;

  LiveRelay(ConsoleProperties properties) {
    // No stream outlives the session it was opened in.
    this.streamMillis = properties.sessionTimeout().toMillis();
  }

  /**
   * @param follow reads the service's stream with the listener it is given, until it ends
   * @param over whether an event (name, data) says the record is over and the page may stop
   */
  public SseEmitter relay(Function<LiveStreams.Listener, LiveStreams.End> follow, BiPredicate<String, String> over) {
    SseEmitter page = new SseEmitter(streamMillis);
    AtomicBoolean gone = new AtomicBoolean();
    page.onCompletion(() -> gone.set(true));
    page.onTimeout(() -> {
      // Its time is up (or the console is stopping): ended, and the browser reconnects.
      gone.set(true);
      page.complete();
    });
    page.onError(failure -> gone.set(true));
    readers.execute(() -> {
      if (!send(page, SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("following"))) {
        return;
      }
      boolean[] closed = {false};
      LiveStreams.End end = follow.apply(new LiveStreams.Listener() {
        @Override
        public boolean event(String name, String data) {
          if (over.test(name, data)) {
            closed[0] = true;
            return false;
          }
          return !gone.get() && send(page, SseEmitter.event().name(CHANGED).data(name));
        }

        @Override
        public boolean heartbeat() {
          return !gone.get() && send(page, SseEmitter.event().comment("heartbeat"));
        }
      });
      if (closed[0] || end == LiveStreams.End.REFUSED) {
        // A last look at the record, then the page stops listening for good.
        send(page, SseEmitter.event().name(CHANGED).data(CLOSED));
        send(page, SseEmitter.event().name(CLOSED).data(CLOSED));
      }
      if (!gone.get()) {
        try {
          page.complete();
        } catch (IllegalStateException alreadyOver) {
          // Timed out or broken meanwhile: the container has already let the response go.
        }
      }
    });
    return page;
  }

  private static boolean send(SseEmitter page, SseEmitter.SseEventBuilder event) {
    try {
      page.send(event);
      return true;
    } catch (IOException | IllegalStateException gone) {
      // She closed the page or the connection broke: the reader lets the service's stream go.
      return false;
    }
  }

  @PreDestroy
  void stop() {
    readers.shutdownNow();
  }
}
