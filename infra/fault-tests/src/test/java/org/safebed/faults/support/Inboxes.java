package org.safebed.faults.support;

import com.rabbitmq.client.Channel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.safebed.localstack.LocalStack;
import org.safebed.localstack.apps.StackApp;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stands between each service's inbox container and its listener (the platform's
 * {@code InboxListener}): counts deliveries and acknowledgements per event, knows whether anything
 * is being handled, and injects faults a {@link Plan} asks for:
 *
 * <ul>
 *   <li>{@link Action#KILL_BEFORE_ACK}: the handler runs and stores its effect, then the consumer's
 *       connection is aborted instead of acknowledging, as if the process died between the two;
 *   <li>{@link Action#FAIL}: the handler is not run and the delivery returned, as a bug would.
 * </ul>
 */
public final class Inboxes {

  /** What to do with one delivery. */
  public enum Action { PROCESS, KILL_BEFORE_ACK, FAIL }

  /** Decides per delivery; called on the consumer thread. */
  @FunctionalInterface
  public interface Plan {
    Action decide(StackApp service, Message message);
  }

  private static final Plan NORMAL = (service, message) -> Action.PROCESS;

  private volatile Plan plan = NORMAL;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
  private final AtomicInteger kills = new AtomicInteger();
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> acks = new ConcurrentHashMap<>();

  /** Wraps the listener of the service's (current) inbox container; again after a restart. */
  public void install(LocalStack stack, StackApp service) {
    SimpleMessageListenerContainer container = container(stack, service);
    Object listener = container.getMessageListener();
    if (listener instanceof Watched) {
      return;
    }
    container.setMessageListener(new Watched(service, (ChannelAwareMessageListener) listener));
  }

  /** Stops the service's consumer: its events wait in its queue. */
  public void pause(LocalStack stack, StackApp service) {
    container(stack, service).stop();
  }

  public void resume(LocalStack stack, StackApp service) {
    container(stack, service).start();
  }

  public void plan(Plan plan) {
    this.plan = plan;
  }

  public void normal() {
    this.plan = NORMAL;
  }

  public int kills() {
    return kills.get();
  }

  public int deliveries(StackApp service, String messageId) {
    AtomicInteger count = deliveries.get(key(service, messageId));
    return count == null ? 0 : count.get();
  }

  public int acks(StackApp service, String messageId) {
    AtomicInteger count = acks.get(key(service, messageId));
    return count == null ? 0 : count.get();
  }

  /** Nothing handled now, nor for {@code quietFor}. */
  public boolean idleFor(Duration quietFor) {
    return inFlight.get() == 0 && System.nanoTime() - lastActivity.get() >= quietFor.toNanos();
  }

  private static SimpleMessageListenerContainer container(LocalStack stack, StackApp service) {
    ConfigurableApplicationContext context = stack.context(service)
        .orElseThrow(() -> new IllegalStateException(service.name() + " is not running"));
    return context.getBean("safebedInboxContainer", SimpleMessageListenerContainer.class);
  }

  private static String key(StackApp service, String messageId) {
    return service.name() + "|" + messageId;
  }

  private final class Watched implements ChannelAwareMessageListener {
    private final StackApp service;
    private final ChannelAwareMessageListener delegate;

    Watched(StackApp service, ChannelAwareMessageListener delegate) {
      this.service = service;
      this.delegate = delegate;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
      inFlight.incrementAndGet();
      lastActivity.set(System.nanoTime());
      String messageId = message.getMessageProperties().getMessageId();
      deliveries.computeIfAbsent(key(service, messageId), k -> new AtomicInteger()).incrementAndGet();
      try {
        switch (plan.decide(service, message)) {
          case FAIL -> channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, true);
          case KILL_BEFORE_ACK -> delegate.onMessage(message, intercepting(channel, messageId, true));
          case PROCESS -> delegate.onMessage(message, intercepting(channel, messageId, false));
        }
      } finally {
        lastActivity.set(System.nanoTime());
        inFlight.decrementAndGet();
      }
    }

    /** The consumer's channel, except that an acknowledgement is counted, or replaced by a crash. */
    private Channel intercepting(Channel channel, String messageId, boolean killInsteadOfAck) {
      return (Channel) Proxy.newProxyInstance(
          Channel.class.getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
            if (method.getName().equals("basicAck")) {
              if (killInsteadOfAck) {
                kills.incrementAndGet();
                channel.getConnection().abort();
                return null;
              }
              acks.computeIfAbsent(key(service, messageId), k -> new AtomicInteger()).incrementAndGet();
            }
            try {
              return method.invoke(channel, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
