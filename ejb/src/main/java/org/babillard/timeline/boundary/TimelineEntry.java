package org.babillard.timeline.boundary;

import java.time.Instant;

/** One post as a reader's timeline shows it. */
public record TimelineEntry(long id, String authorUsername, String authorDisplayName, String text, Instant createdAt) {
}
