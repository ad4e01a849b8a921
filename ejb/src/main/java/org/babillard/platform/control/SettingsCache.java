package org.babillard.platform.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The settings rows as last read, for every request to use without asking the database. A change on this node
 * forgets them at once; a change on another node shows here within {@link #REREAD} (each node re-reads them then).
 */
@ApplicationScoped
public class SettingsCache {

    /** How old the copy may grow before the next reader refreshes it (other nodes' changes). */
    public static final Duration REREAD = Duration.ofSeconds(30);

    private record Snapshot(Map<String, String> values, Instant readAt) {
    }

    private volatile Snapshot snapshot;

    /** The values, read again through {@code reader} when the copy is missing or older than {@link #REREAD}. */
    public Map<String, String> values(Supplier<Map<String, String>> reader) {
        Snapshot current = snapshot;
        Instant now = Instant.now();
        if (current == null || current.readAt().plus(REREAD).isBefore(now)) {
            current = new Snapshot(Map.copyOf(reader.get()), now);
            snapshot = current;
        }
        return current.values();
    }

    /** After a change on this node: the next reader reads the rows again. */
    public void forget() {
        snapshot = null;
    }
}
