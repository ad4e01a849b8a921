package org.babillard.channels.boundary;

import java.io.Serializable;

/**
 * A channel's page as one reader sees it: the summary, and what this reader may do there. {@code admin} is true
 * when the reader acts as an administrator rather than as an owner.
 */
public record ChannelDetails(ChannelSummary summary, long version, boolean canPost, boolean canManage, boolean canModerate,
                             boolean canJoin, boolean canLeave) implements Serializable {

    public ChannelSummary getSummary() {
        return summary;
    }

    public long getVersion() {
        return version;
    }

    public boolean isCanPost() {
        return canPost;
    }

    public boolean isCanManage() {
        return canManage;
    }

    public boolean isCanModerate() {
        return canModerate;
    }

    public boolean isCanJoin() {
        return canJoin;
    }

    public boolean isCanLeave() {
        return canLeave;
    }
}
