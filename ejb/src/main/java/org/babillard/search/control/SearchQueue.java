package org.babillard.search.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The posts waiting to be (re)indexed after their commit, in order, each once: a post published then edited before
 * its turn is indexed once, as it is then. One drain at a time takes them a batch at a time ({@code
 * SearchIndexing.drain}), so that under a heavy posting load the index takes hundreds of posts per write and per
 * reopen instead of one task, one transaction and one reopen per post, which fell behind by more than a minute at
 * 300 posts a second (docs/benchmarks.md). In memory only: a post whose indexing a stop interrupted is caught up at
 * the next start ({@code SearchIndexing.catchUp}).
 */
@ApplicationScoped
public class SearchQueue {

    /** Post id, and whether it is new (its saved searches are then told). */
    private final Map<Long, Boolean> pending = new LinkedHashMap<>();
    private boolean draining;

    /**
     * Queues a post.
     *
     * @return true if no drain is running: the caller starts one
     */
    public synchronized boolean offer(long postId, boolean isNew) {
        pending.merge(postId, isNew, Boolean::logicalOr);
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    /**
     * The next posts, at most {@code max}, oldest first. An empty answer ends the drain: the next {@link #offer}
     * starts another.
     */
    public synchronized Map<Long, Boolean> take(int max) {
        if (pending.isEmpty()) {
            draining = false;
            return Map.of();
        }
        Map<Long, Boolean> batch = new LinkedHashMap<>();
        for (Iterator<Map.Entry<Long, Boolean>> it = pending.entrySet().iterator(); it.hasNext() && batch.size() < max; ) {
            Map.Entry<Long, Boolean> e = it.next();
            batch.put(e.getKey(), e.getValue());
            it.remove();
        }
        return batch;
    }

    /** A drain that stopped abnormally: the next {@link #offer} starts another. */
    public synchronized void abandoned() {
        draining = false;
    }

    public synchronized int size() {
        return pending.size();
    }
}
