package org.safebed.platform.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.safebed.platform.messaging.inbox.EventSubscriptions;
import org.safebed.platform.messaging.inbox.RetryLaterException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A minimal service that consumes a few event types, for the messaging platform's own tests. The
 * platform's web security (on the classpath for the retention contract) is not what these test.
 */
@SpringBootApplication(excludeName = "org.safebed.platform.web.security.PlatformSecurityAutoConfiguration")
class MessagingTestApplication {

  record ThingHappened(String thingId, int size) {}

  static final List<IncomingEvent<ThingHappened>> handled = new CopyOnWriteArrayList<>();
  static final AtomicInteger earlyAttemptsLeft = new AtomicInteger();
  /** While true, the handler of thing.fragile.v1 fails as a bug would: its events are dead-lettered. */
  static final AtomicBoolean fragileBroken = new AtomicBoolean();
  static final List<IncomingEvent<ThingHappened>> fragileHandled = new CopyOnWriteArrayList<>();

  @Bean
  EventSubscriptions subscriptions() {
    return EventSubscriptions.create()
        .on("thing.happened.v1", ThingHappened.class, handled::add)
        .on("thing.early.v1", ThingHappened.class, event -> {
          if (earlyAttemptsLeft.getAndDecrement() > 0) {
            throw new RetryLaterException("the thing it follows is not there yet");
          }
          handled.add(event);
        })
        .on("thing.fragile.v1", ThingHappened.class, event -> {
          if (fragileBroken.get()) {
            throw new IllegalStateException("a bug in this handler");
          }
          fragileHandled.add(event);
        });
  }
}
