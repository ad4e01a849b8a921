package org.babillard.channels.boundary;

import java.io.Serializable;

/**
 * A channel's page as one reader sees it: the summary, and what this reader may do there. {@code admin} is true
 * when the reader acts as an administrator rather than as an owner. {@code retentionDays}: the channel's own
 * retention (null: the company's default), which owners and administrators may change.
 */
public record ChannelDetails(ChannelSummary summary, long version, boolean canPost, boolean canManage, boolean canModerate,
                             boolean canJoin, boolean canLeave, boolean canSetRetention, Integer retentionDays)
        implements Serializable {

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

    public boolean isCanSetRetention() {
        return canSetRetention;
    }

    public Integer getRetentionDays() {
        return retentionDays;
    }
}
