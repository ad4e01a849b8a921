package org.babillard.mail.control;

/** Something was queued in the outbox; after the commit the outbox sends it without waiting for its timer. */
public record OutboxQueued(int count) {
}
