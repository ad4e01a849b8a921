package org.babillard.timeline.boundary;

import java.io.Serializable;
import java.util.List;

/** A thread as its reader sees it: the first post and the replies, oldest first. */
public record Conversation(TimelineEntry first, List<TimelineEntry> replies, boolean more) implements Serializable {
}
