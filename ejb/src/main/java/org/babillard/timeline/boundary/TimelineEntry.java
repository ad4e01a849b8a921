package org.babillard.timeline.boundary;

import java.time.Instant;

/** One post as a reader's timeline shows it; {@code authorActive} is false for a former employee's post. */
public record TimelineEntry(long id, String authorUsername, String authorDisplayName, boolean authorActive, String text,
                            Instant createdAt) {
}
