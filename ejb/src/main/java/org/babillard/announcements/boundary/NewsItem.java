package org.babillard.announcements.boundary;

import org.babillard.announcements.entity.Announcement;

import java.time.Instant;

/**
 * An announcement as one reader finds it: whether it was sent to them as a recipient (must read applies then),
 * and when they acknowledged it (null: not yet, or not asked).
 */
public record NewsItem(Announcement announcement, boolean recipient, Instant acknowledgedAt) {

    public boolean pendingAcknowledgement() {
        return recipient && announcement.isMustRead() && acknowledgedAt == null;
    }
}
