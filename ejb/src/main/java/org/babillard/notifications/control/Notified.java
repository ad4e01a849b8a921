package org.babillard.notifications.control;

/** Someone got a notification; after the commit their bell is updated on their open pages. */
public record Notified(String username) {
}
