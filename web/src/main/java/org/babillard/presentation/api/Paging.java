package org.babillard.presentation.api;

/** How the API's lists page: Mastodon's limits and its "newer than" parameters. */
final class Paging {

    private Paging() {
    }

    /** A page of 1 to 40 entries, as Mastodon allows. */
    static int limit(int limit) {
        return Math.max(1, Math.min(limit, 40));
    }

    /** Keep only what is newer than since_id, or than min_id. */
    static Long newer(Long sinceId, Long minId) {
        return sinceId != null ? sinceId : minId;
    }
}
