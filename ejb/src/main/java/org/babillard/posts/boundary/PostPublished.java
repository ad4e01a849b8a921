package org.babillard.posts.boundary;

/** Fired once a post is stored; observers run after the commit, outside the posting transaction. */
public record PostPublished(long postId, String authorUsername) {
}
