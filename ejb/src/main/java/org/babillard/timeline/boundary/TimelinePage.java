package org.babillard.timeline.boundary;

import java.util.List;

/**
 * A page of the timeline, newest first. {@code nextBefore} is the key of the next page (the id of this page's
 * last post) or null when there is nothing older.
 */
public record TimelinePage(List<TimelineEntry> entries, Long nextBefore) {

    public boolean hasMore() {
        return nextBefore != null;
    }
}
