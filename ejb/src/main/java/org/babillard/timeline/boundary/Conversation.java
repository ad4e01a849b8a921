package org.babillard.timeline.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A thread as its reader sees it: the first post and the replies, oldest first. When the first post was deleted
 * but replies remain, {@code firstDeleted} is true and {@code first} keeps only the post's id: no text, author or
 * reactions.
 */
public record Conversation(TimelineEntry first, List<TimelineEntry> replies, boolean more, boolean firstDeleted)
        implements Serializable {

    public Conversation(TimelineEntry first, List<TimelineEntry> replies, boolean more) {
        this(first, replies, more, false);
    }
}
