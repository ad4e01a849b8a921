package org.babillard.posts.boundary;

/**
 * Fired when a stored post changes: edited, deleted, hidden or shown again. Observers run after the commit and
 * read the post's state from the database themselves (the search index, for one).
 */
public record PostChanged(long postId) {
}
