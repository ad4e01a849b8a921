package org.babillard.topbar.boundary;

import org.babillard.announcements.entity.Announcement;
import org.babillard.people.boundary.Status;

import java.util.List;

/**
 * What the top bar of every page shows about the reader: their name and photo's version (null: none), their unread
 * notifications, their channels' unread posts (at most {@link org.babillard.channels.boundary.Channels#UNREAD_COUNTED})
 * the must-read announcements they have not acknowledged, oldest first, and their status as it shows now (null: none).
 */
public record TopBarState(String displayName, String photoHash, long unreadNotifications, long unreadInChannels,
                          List<Announcement> mustRead, Status status) {
}
