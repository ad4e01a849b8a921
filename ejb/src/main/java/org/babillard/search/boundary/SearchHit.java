package org.babillard.search.boundary;

import org.babillard.search.control.Highlights;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A post found, as the results page shows it: who wrote it, where (channel, the conversation it answers), when,
 * and its text in pieces with the matching words marked. Bean getters for the views.
 */
public record SearchHit(long postId, Long threadId, String authorUsername, String authorName, String channelSlug,
                        String channelName, Instant createdAt, boolean notebook, List<Highlights.Piece> pieces)
        implements Serializable {

    public long getPostId() {
        return postId;
    }

    /** The first post of the conversation this one answers, or null for a first post. */
    public Long getThreadId() {
        return threadId;
    }

    public String getAuthorUsername() {
        return authorUsername;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getChannelSlug() {
        return channelSlug;
    }

    public String getChannelName() {
        return channelName;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isNotebook() {
        return notebook;
    }

    public List<Highlights.Piece> getPieces() {
        return pieces;
    }
}
