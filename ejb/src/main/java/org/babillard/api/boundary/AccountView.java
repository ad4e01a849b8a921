package org.babillard.api.boundary;

import java.time.Instant;

/**
 * A person as the API shows them (Mastodon's Account). {@code statuses} and {@code lastStatusAt} count only their
 * company-wide posts, which every employee may read, so that a count never tells of a post the reader may not see.
 */
public record AccountView(String username, String displayName, String title, String department, String site,
                          Instant createdAt, long followers, long following, long statuses, Instant lastStatusAt,
                          String photoHash, boolean active, String status, boolean bot) {

    /** A person (not a bot), as most accounts are. */
    public AccountView(String username, String displayName, String title, String department, String site, Instant createdAt,
                       long followers, long following, long statuses, Instant lastStatusAt, String photoHash, boolean active,
                       String status) {
        this(username, displayName, title, department, site, createdAt, followers, following, statuses, lastStatusAt,
                photoHash, active, status, false);
    }
}
