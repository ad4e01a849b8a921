package org.babillard.channels.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The readers whose channels held at least the top bar's cap of unread threads ("99+"), with their memberships as
 * they were then (each channel and the last post read in it). New posts only add to such a count, so while the
 * memberships stay the same (nothing read, joined or left) the count is not taken again on every page: at 1,000,000
 * posts it was a tenth of the home page's time (docs/benchmarks.md). Posts deleted or hidden meanwhile are not
 * subtracted: "99+" may stay where a fresh count would say 99, until the reader reads a channel.
 * Each node keeps its own; a node that has not seen the reader counts.
 */
@ApplicationScoped
public class UnreadCap {

    /** Beyond this many readers the memory starts again (a reader forgotten is counted again, nothing more). */
    static final int MOST_REMEMBERED = 50_000;

    private final Map<Long, List<Long>> capped = new ConcurrentHashMap<>();

    /** Whether the reader's count reached the cap with these memberships (see {@link #key(List)}). */
    public boolean holds(long employeeId, List<Long> memberships) {
        return memberships.equals(capped.get(employeeId));
    }

    /** The reader's count reached the cap with these memberships. */
    public void reached(long employeeId, List<Long> memberships) {
        if (capped.size() >= MOST_REMEMBERED) {
            capped.clear();
        }
        capped.put(employeeId, memberships);
    }

    /** The memberships (channel id, last post read, as the query gives them) as one comparable list, in channel order. */
    public static List<Long> key(List<Object[]> memberships) {
        return memberships.stream()
                .sorted(java.util.Comparator.comparingLong(m -> ((Number) m[0]).longValue()))
                .flatMap(m -> java.util.stream.Stream.of(((Number) m[0]).longValue(), m[1] == null ? 0L : ((Number) m[1]).longValue()))
                .toList();
    }
}
