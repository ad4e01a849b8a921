package org.babillard.notifications.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A page of notifications, newest first. {@code nextBefore} is the key of the next page, or null when there is
 * nothing older.
 */
public record NotificationPage(List<NotificationView> items, Long nextBefore) implements Serializable {

    public boolean hasMore() {
        return nextBefore != null;
    }
}
