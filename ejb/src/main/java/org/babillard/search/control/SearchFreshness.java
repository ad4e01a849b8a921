package org.babillard.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.posts.boundary.PostChanged;
import org.babillard.posts.boundary.PostPublished;
import org.babillard.posts.boundary.PostsRewritten;
import org.babillard.search.boundary.SearchIndexing;

import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the index in step with the posts: once a post's transaction has committed, and only then, the post joins
 * the {@link SearchQueue} and a drain indexes it on another thread, so posting never waits for the index and a
 * rolled-back post is never indexed.
 */
@ApplicationScoped
public class SearchFreshness {

    private static final Logger LOG = Logger.getLogger(SearchFreshness.class.getName());

    @Inject
    SearchIndexing indexing;

    @Inject
    SearchQueue queue;

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished event) {
        if (queue.offer(event.postId(), true)) {
            drain();
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged event) {
        if (queue.offer(event.postId(), false)) {
            drain();
        }
    }

    private void drain() {
        try {
            indexing.drain();
        } catch (RuntimeException e) {
            // Not started (the server stopping): the next post starts one; a stop's leftovers are caught up at start.
            queue.abandoned();
            LOG.log(Level.WARNING, "The search index drain could not start; the next post starts it", e);
        }
    }

    void rewritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostsRewritten event) {
        reindex(event.postIds());
    }

    /**
     * Queues posts to be indexed again as the database has them when their turn comes (those deleted leave the
     * index), saved searches not told: posts rewritten by an erasure, caught up at start, changed during a rebuild.
     * Through the queue like every other change, so that one drain alone writes posts into the index: two writers,
     * each reading a post before the other's change and writing after it, could leave the older version in the
     * index for good (an erasure's neutral name overwritten by a drain that had read the old login: seen in CI).
     */
    public void reindex(Collection<Long> postIds) {
        boolean start = false;
        for (Long id : postIds) {
            start |= queue.offer(id, false);
        }
        if (start) {
            drain();
        }
    }
}
