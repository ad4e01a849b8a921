package org.babillard.presentation.home;

import org.babillard.posts.control.Links;
import org.babillard.timeline.boundary.TimelineEntry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A timeline entry ready for the view: its text cut into plain and link segments, each rendered escaped. */
public record PostView(long id, String authorUsername, String authorDisplayName, boolean authorActive, Instant createdAt,
                       List<Links.Segment> segments) implements Serializable {

    public static PostView of(TimelineEntry entry) {
        return new PostView(entry.id(), entry.authorUsername(), entry.authorDisplayName(), entry.authorActive(),
                entry.createdAt(), Links.segments(entry.text()));
    }

    /** False for a former employee: the view marks their posts. */
    public boolean isAuthorActive() {
        return authorActive;
    }

    public String getAuthorDisplayName() {
        return authorDisplayName;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<Links.Segment> getSegments() {
        return segments;
    }

    public long getId() {
        return id;
    }
}
