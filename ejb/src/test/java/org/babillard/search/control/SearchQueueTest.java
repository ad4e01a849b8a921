package org.babillard.search.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueueTest {

    @Test
    void oneDrainAtATimeInOrderInBatchesEachPostOnceAndNewWins() {
        SearchQueue queue = new SearchQueue();
        assertTrue(queue.offer(1, true), "the first post starts a drain");
        assertFalse(queue.offer(2, true), "while it runs, posts only join the queue");
        assertFalse(queue.offer(1, false), "an edit of a post still waiting: indexed once, still new");
        assertFalse(queue.offer(3, false));
        assertEquals(3, queue.size());
        Map<Long, Boolean> first = queue.take(2);
        assertEquals(List.of(1L, 2L), new ArrayList<>(first.keySet()), "oldest first, two at a time");
        assertEquals(Map.of(1L, true, 2L, true), first, "the edited post is still new");
        assertEquals(Map.of(3L, false), queue.take(2), "an edit is not new");
        assertTrue(queue.take(2).isEmpty(), "an empty batch ends the drain");
        assertTrue(queue.offer(4, true), "so the next post starts one again");
    }

    @Test
    void anAbandonedDrainLetsTheNextPostStartOne() {
        SearchQueue queue = new SearchQueue();
        assertTrue(queue.offer(1, true));
        queue.abandoned();
        assertTrue(queue.offer(2, true));
        assertEquals(2, queue.size());
    }

    /** Posts offered from many threads while one drain takes them: none is lost, none is indexed twice. */
    @Test
    void noPostIsLostBetweenTheLastBatchAndTheNextOffer() throws Exception {
        SearchQueue queue = new SearchQueue();
        Set<Long> indexed = ConcurrentHashMap.newKeySet();
        AtomicInteger drains = new AtomicInteger();
        AtomicInteger twice = new AtomicInteger();
        int threads = 8;
        int perThread = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        List<Thread> drainers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = (long) t * perThread;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long id = base; id < base + perThread; id++) {
                    if (queue.offer(id, true)) {
                        drains.incrementAndGet();
                        Thread d = new Thread(() -> {
                            Map<Long, Boolean> batch;
                            while (!(batch = queue.take(100)).isEmpty()) {
                                batch.keySet().forEach(i -> {
                                    if (!indexed.add(i)) {
                                        twice.incrementAndGet();
                                    }
                                });
                            }
                        });
                        synchronized (drainers) {
                            drainers.add(d);
                        }
                        d.start();
                    }
                }
            });
            writers.add(w);
            w.start();
        }
        go.countDown();
        for (Thread w : writers) {
            w.join();
        }
        for (int i = 0; ; i++) {
            List<Thread> running;
            synchronized (drainers) {
                running = new ArrayList<>(drainers);
            }
            for (Thread d : running) {
                d.join();
            }
            synchronized (drainers) {
                if (drainers.size() == running.size()) {
                    break;
                }
            }
        }
        assertEquals(threads * perThread, indexed.size(), "every post indexed");
        assertEquals(0, twice.get(), "none twice");
        assertEquals(0, queue.size());
        assertTrue(drains.get() >= 1);
    }
}
