package org.babillard.posts.boundary;

import java.util.List;

/**
 * Fired when many stored posts changed at once without anyone editing them (a former employee's personal data
 * erased: their posts' author and the mentions of them renamed, their notebook emptied). Observers run after the
 * commit and read the posts from the database themselves; unlike {@link PostChanged}, nothing is pushed to open pages.
 */
public record PostsRewritten(List<Long> postIds) {
}
