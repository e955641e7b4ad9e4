package org.safebed.platform.embedded;

import java.lang.reflect.Field;
import org.apache.qpid.server.model.Broker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Qpid registers a JVM shutdown hook that stops the broker. JVM hooks run concurrently, so on
 * Ctrl-C the broker would vanish while the applications using it are still closing. The owner of an
 * {@link EmbeddedAmqpBroker} closes it, in order, instead. Qpid offers no switch for this, hence
 * reflection; when that fails the hook stays and only the order of shutdown suffers.
 */
final class QpidShutdownHook {

  private static final Logger log = LoggerFactory.getLogger(QpidShutdownHook.class);

  private QpidShutdownHook() {}

  /** Returns whether the hook was found and removed. */
  static boolean detach(Broker<?> broker) {
    try {
      Field field = hookField(broker.getClass());
      field.setAccessible(true);
      return field.get(broker) instanceof Thread hook && Runtime.getRuntime().removeShutdownHook(hook);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Qpid's shutdown hook stays registered", e);
      return false;
    }
  }

  /** Declared by BrokerImpl; the running broker is a subclass of it. */
  private static Field hookField(Class<?> type) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField("_shutdownHook");
      } catch (NoSuchFieldException notHere) {
        // look further up
      }
    }
    throw new NoSuchFieldException("_shutdownHook");
  }
}
