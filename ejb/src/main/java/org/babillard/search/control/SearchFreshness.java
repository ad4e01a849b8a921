package org.babillard.search.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.babillard.posts.boundary.PostChanged;
import org.babillard.posts.boundary.PostPublished;
import org.babillard.posts.boundary.PostsRewritten;
import org.babillard.search.boundary.SearchIndexing;

/**
 * Keeps the index in step with the posts: once a post's transaction has committed, and only then, the post joins
 * the {@link SearchQueue} and a drain indexes it on another thread, so posting never waits for the index and a
 * rolled-back post is never indexed.
 */
@ApplicationScoped
public class SearchFreshness {

    @Inject
    SearchIndexing indexing;

    @Inject
    SearchQueue queue;

    void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostPublished event) {
        if (queue.offer(event.postId(), true)) {
            indexing.drain();
        }
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostChanged event) {
        if (queue.offer(event.postId(), false)) {
            indexing.drain();
        }
    }

    void rewritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostsRewritten event) {
        indexing.reindexAll(event.postIds());
    }
}
