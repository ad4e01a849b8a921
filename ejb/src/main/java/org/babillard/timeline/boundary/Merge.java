package org.babillard.timeline.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The newest posts (or the oldest, above a bound) that a reader may read among those several sources name: a topic's
 * posts, those that mention the reader, the people and channels they follow. Each source gives its ids in the
 * timeline's order from a cursor, a few more than the page at first and four times more at each turn; the ids that
 * every source has given so far are then checked against the rule at once, nearest first, and only those that make
 * the page are loaded. An id beyond the last id of a source that has more is not known to be next yet (that source
 * may still hold nearer ones), so it waits until that source is read further.
 */
final class Merge {

    /** One source: its ids from a cursor onwards (excluded), in the timeline's order, at most {@code size}. */
    interface Ids {
        List<Long> from(long cursor, int size);
    }

    /** The rule: of these ids (in the timeline's order), the posts the reader may read, in that order, at most {@code max}. */
    interface Readable<T> {
        List<T> among(List<Long> ids, int max);
    }

    private Merge() {
    }

    /**
     * At most {@code max} readable posts named by the sources, from {@code start} (excluded) downwards ({@code below})
     * or upwards, in that order.
     *
     * @param largest the most ids asked of a source at once, and checked at once
     */
    static <T> List<T> nearest(List<Ids> sources, Readable<T> rule, boolean below, long start, int max, int largest) {
        List<T> found = new ArrayList<>();
        int n = sources.size();
        long[] cursor = new long[n];
        int[] size = new int[n];
        boolean[] done = new boolean[n];
        Arrays.fill(cursor, start);
        Arrays.fill(size, Math.min(largest, max + 10));
        TreeSet<Long> waiting = new TreeSet<>(below ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        boolean first = true;
        long reach = start;
        while (found.size() < max) {
            // Every source that has more has given its ids as far as `nearest` at least: those up to it are known.
            Long nearest = null;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (first || cursor[i] == reach)) {
                    List<Long> ids = sources.get(i).from(cursor[i], size[i]);
                    waiting.addAll(ids);
                    if (ids.size() < size[i]) {
                        done[i] = true;
                    } else {
                        cursor[i] = ids.get(ids.size() - 1);
                        size[i] = Math.min(largest, size[i] * 4);
                    }
                }
                if (!done[i]) {
                    nearest = nearest == null ? cursor[i] : below ? Math.max(nearest, cursor[i]) : Math.min(nearest, cursor[i]);
                }
            }
            first = false;
            NavigableSet<Long> known = nearest == null ? waiting : waiting.headSet(nearest, true);
            while (!known.isEmpty() && found.size() < max) {
                List<Long> batch = new ArrayList<>();
                for (Iterator<Long> it = known.iterator(); it.hasNext() && batch.size() < largest; ) {
                    batch.add(it.next());
                    it.remove();
                }
                found.addAll(rule.among(batch, max - found.size()));
            }
            if (nearest == null) {
                break;
            }
            reach = nearest;
        }
        return found;
    }
}
