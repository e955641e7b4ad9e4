package org.safebed.platform.messaging.operations;

import org.safebed.platform.messaging.deadletter.DeadLetters;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The service's dead letters for operators (coordinators: the platform's security allows
 * {@code /actuator/**} beyond health and info to role COORDINATOR only).
 *
 * <ul>
 *   <li>{@code GET /actuator/deadletters}: the queue's size and its first {@value #SHOWN} entries
 *       (event id, type, reason, deliveries, when), never a body;
 *   <li>{@code POST /actuator/deadletters/{eventId}} or {@code POST /actuator/deadletters} (all):
 *       puts them back into this service's inbox once the cause is fixed;
 *   <li>{@code DELETE /actuator/deadletters/{eventId}}: drops one that can never succeed.
 * </ul>
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

  static final int SHOWN = 100;

  private final DeadLetters deadLetters;

  public DeadLettersEndpoint(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @ReadOperation
  public DeadLetters.Listing deadLetters() {
    return deadLetters.list(SHOWN);
  }

  /** {@code POST /actuator/deadletters}: every dead letter back into the inbox. */
  @WriteOperation
  public WebEndpointResponse<DeadLetters.Replay> replayAll() {
    return answer(deadLetters.replayAll(), false);
  }

  /** {@code POST /actuator/deadletters/{eventId}}: this one back into the inbox; 404 if not there. */
  @WriteOperation
  public WebEndpointResponse<DeadLetters.Replay> replay(@Selector String eventId) {
    return answer(deadLetters.replay(eventId), true);
  }

  private static WebEndpointResponse<DeadLetters.Replay> answer(DeadLetters.Replay replay, boolean one) {
    if (one && replay.replayed().isEmpty() && replay.failed() == 0) {
      return new WebEndpointResponse<>(replay, WebEndpointResponse.STATUS_NOT_FOUND);
    }
    // Not confirmed by the broker: those stay dead letters, and the operator should try again.
    int status = replay.failed() > 0 ? WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE : WebEndpointResponse.STATUS_OK;
    return new WebEndpointResponse<>(replay, status);
  }

  @DeleteOperation
  public WebEndpointResponse<Void> discard(@Selector String eventId) {
    return new WebEndpointResponse<>(
        deadLetters.discard(eventId) ? WebEndpointResponse.STATUS_NO_CONTENT : WebEndpointResponse.STATUS_NOT_FOUND);
  }
}
