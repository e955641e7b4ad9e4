package org.safebed.platform.messaging.inbox;

/**
 * Thrown by a handler when an event arrived too early (its aggregate is not yet in the state the
 * event follows). The message is returned to the queue and delivered again later; after the
 * queue's delivery limit it is dead-lettered, where operators see it.
 */
public class RetryLaterException extends RuntimeException {
  public RetryLaterException(String reason) {
    super(reason, null, false, false);
  }
}
