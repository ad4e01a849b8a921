package org.babillard.notifications.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notification as its recipient reads it: what happened, who did it, and where (a post, a channel), with the
 * first words of the post.
 */
public record NotificationView(long id, String kind, String actorUsername, String actorDisplayName, Long postId,
                               String excerpt, String channelSlug, String channelName, Instant createdAt, boolean read)
        implements Serializable {

    public long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public String getActorDisplayName() {
        return actorDisplayName;
    }

    public Long getPostId() {
        return postId;
    }

    public String getExcerpt() {
        return excerpt;
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

    public boolean isRead() {
        return read;
    }
}
