package org.babillard.announcements.boundary;

import java.time.Instant;

/** One recipient of an announcement and when they opened and acknowledged it (null: not yet). */
public record Acknowledgement(String username, String displayName, String department, String site, Instant openedAt,
                              Instant acknowledgedAt) {
}
