package org.babillard.timeline.boundary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Merge}: the page is the nearest readable posts of all the sources, whatever their sizes and overlaps. */
class MergeTest {

    /** A source over a sorted list of ids, as the database gives them: from the cursor (excluded), in order. */
    private static Merge.Ids source(List<Long> ids, boolean below, int[] asked) {
        List<Long> ordered = new ArrayList<>(ids);
        ordered.sort(below ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        return (cursor, size) -> {
            asked[0] += 1;
            return ordered.stream().filter(id -> below ? id < cursor : id > cursor).limit(size).toList();
        };
    }

    private static Merge.Readable<Long> rule(LongPredicate readable) {
        return (ids, max) -> ids.stream().filter(readable::test).limit(max).toList();
    }

    /** What the page must be: every source's ids beyond the start, once each, readable, nearest first. */
    private static List<Long> expected(List<List<Long>> sources, LongPredicate readable, boolean below, long start, int max) {
        TreeSet<Long> all = new TreeSet<>(below ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        sources.forEach(all::addAll);
        return all.stream().filter(id -> below ? id < start : id > start).filter(readable::test).limit(max).toList();
    }

    @Test
    void aPageOfManySourcesOfEverySizeIsTheirNearestReadablePostsInOrder() {
        Random random = new Random(20261128);
        for (int round = 0; round < 400; round++) {
            boolean below = random.nextBoolean();
            int count = 1 + random.nextInt(5);
            List<List<Long>> sources = new ArrayList<>();
            for (int s = 0; s < count; s++) {
                // A busy source (every few ids), a quiet one (a few ids far apart), or an empty one; they overlap.
                int kind = random.nextInt(3);
                int every = kind == 0 ? 1 + random.nextInt(4) : 50 + random.nextInt(400);
                List<Long> ids = new ArrayList<>();
                for (long id = 1 + random.nextInt(every); id <= 3000 && kind != 2; id += 1 + random.nextInt(every)) {
                    ids.add(id);
                }
                sources.add(ids);
            }
            int modulo = 1 + random.nextInt(7);
            LongPredicate readable = id -> id % 7 >= modulo - 1; // from all readable to one in seven
            long start = below ? 1 + random.nextInt(3200) : random.nextInt(3000);
            int max = 1 + random.nextInt(60);
            int largest = 5 + random.nextInt(40);
            int[] asked = new int[1];
            List<Merge.Ids> given = sources.stream().map(ids -> source(ids, below, asked)).toList();
            List<Long> page = Merge.nearest(given, rule(readable), below, start, max, largest);
            assertEquals(expected(sources, readable, below, start, max), page,
                    "round " + round + ": " + count + " sources, " + (below ? "below " : "above ") + start + ", " + max + " at most");
        }
    }

    @Test
    void sourcesAreReadOnlyAsFarAsThePageNeeds() {
        List<Long> busy = new ArrayList<>();
        for (long id = 1; id <= 100_000; id++) {
            busy.add(id);
        }
        int[] asked = new int[1];
        List<Long> page = Merge.nearest(List.of(source(busy, true, asked), source(List.of(99_990L, 5L), true, asked)),
                rule(id -> true), true, 100_001, 21, 500);
        assertEquals(21, page.size());
        assertEquals(100_000L, page.get(0));
        assertEquals(99_980L, page.get(20));
        assertTrue(asked[0] <= 3, "one read of each source, and the busy one once more at most: " + asked[0]);
    }

    @Test
    void aSourceWithNothingReadableIsReadToItsEndAndThePageIsShort() {
        int[] asked = new int[1];
        List<Long> hidden = new ArrayList<>();
        for (long id = 1; id <= 2000; id++) {
            hidden.add(id * 2);
        }
        List<Long> page = Merge.nearest(List.of(source(hidden, true, asked), source(List.of(3L, 7L, 4001L), true, asked)),
                rule(id -> id % 2 == 1), true, Long.MAX_VALUE, 20, 500);
        assertEquals(List.of(4001L, 7L, 3L), page);
    }
}
