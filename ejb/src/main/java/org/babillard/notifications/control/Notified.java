package org.babillard.notifications.control;

/**
 * Someone got a notification; after the commit their bell is updated on their open pages, and mail delivery
 * looks at it ({@code notificationId}, null when the event names only the person).
 */
public record Notified(String username, Long notificationId) {

    public Notified(String username) {
        this(username, null);
    }
}
