package org.babillard.topbar.boundary;

import org.babillard.announcements.entity.Announcement;

import java.util.List;

/**
 * What the top bar of every page shows about the reader: their name and photo's version (null: none), their unread
 * notifications, their channels' unread posts (at most {@link org.babillard.channels.boundary.Channels#UNREAD_COUNTED})
 * and the must-read announcements they have not acknowledged, oldest first.
 */
public record TopBarState(String displayName, String photoHash, long unreadNotifications, long unreadInChannels,
                          List<Announcement> mustRead) {
}
