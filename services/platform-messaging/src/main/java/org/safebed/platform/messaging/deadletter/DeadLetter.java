package org.safebed.platform.messaging.deadletter;

import java.time.Instant;

/**
 * What an operator sees of one dead-lettered event: its envelope facts, never its body (the body
 * may hold facts about a person; its id and type are enough to find it in the producer's records).
 *
 * @param eventId the event's id ({@code messageId}), null if the message had none
 * @param type the event type the message announced
 * @param reason why it was first dead-lettered: {@code delivery_limit} (it kept failing or nobody
 *     here can read it), {@code rejected}, {@code expired}
 * @param deliveries how often the inbox delivered it before giving up, when the reason tells
 *     ({@code delivery_limit}: the queue's limit plus one), otherwise null
 * @param deadLetterings how often it was dead-lettered from this inbox (more than once after a
 *     replay that failed again)
 * @param deadLetteredAt when it was last dead-lettered (second precision, as the broker records it)
 */
public record DeadLetter(
    String eventId,
    String type,
    String reason,
    Integer deliveries,
    long deadLetterings,
    Instant deadLetteredAt) {}
