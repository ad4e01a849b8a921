package org.babillard.posts.boundary;

/**
 * Fired once a post is stored, inside its transaction. Most observers act after the commit, outside it
 * ({@code TransactionPhase.AFTER_SUCCESS}); what the post is (in a channel, a reply) lets those that only care
 * about some posts skip the others without a thread or a query of their own.
 *
 * @param inChannel the post is in a channel (a share into a channel too)
 * @param reply     the post is a reply in a thread
 */
public record PostPublished(long postId, String authorUsername, boolean inChannel, boolean reply) {
}
