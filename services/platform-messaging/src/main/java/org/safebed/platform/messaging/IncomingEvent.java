package org.safebed.platform.messaging;

import java.time.Instant;

/**
 * An event as a consumer sees it: the envelope fields plus the consumer's own record of the
 * {@code data} (only the fields it reads).
 */
public record IncomingEvent<T>(
    String eventId,
    String type,
    Instant occurredAt,
    String aggregateId,
    String correlationId,
    T data) {}
